package io.jenkins.plugins.konductro.pages;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.usecases.PullRequestStates;
import io.jenkins.plugins.konductro.usecases.RecordedPullRequest;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/** The answer of the state endpoints: what pr-state.js reads. */
final class StateJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StateJson() {}

    /**
     * {@code {"pullRequests": [{"key", "id", "title", "state", "url", "final", "live", "checkedSecondsAgo", "checked",
     * "note", "progress"}]}}; {@code note} says why a state is not live, {@code progress} is "3 of 5 acceptance criteria
     * resolved" or {@code null}.
     */
    static String body(List<PullRequestStates.Look> looks, long nowMillis) {
        ObjectNode body = MAPPER.createObjectNode();
        ArrayNode pullRequests = body.putArray("pullRequests");
        for (PullRequestStates.Look look : looks) {
            RecordedPullRequest pr = look.pullRequest();
            long agoMillis = Math.max(0, nowMillis - pr.checkedAtMillis());
            pullRequests.addObject()
                    .put("key", pr.key())
                    .put("id", pr.id())
                    .put("title", pr.title())
                    .put("state", pr.state())
                    .put("url", RepositoryRef.webLinkOrNull(pr.url()))
                    .put("final", pr.isFinal())
                    .put("live", look.live())
                    .put("checkedSecondsAgo", agoMillis / 1000)
                    .put("checked", Ages.checked(agoMillis))
                    .put("note", look.note())
                    .put("progress", PullRequestView.progress(pr));
        }
        try {
            return MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings and numbers always writes", e);
        }
    }

    static HttpResponse of(List<PullRequestStates.Look> looks, long nowMillis) {
        byte[] json = body(looks, nowMillis).getBytes(StandardCharsets.UTF_8);
        return new HttpResponse() {
            @Override
            public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node)
                    throws IOException, ServletException {
                rsp.setContentType("application/json;charset=UTF-8");
                rsp.setHeader("Cache-Control", "no-store");
                rsp.getOutputStream().write(json);
            }
        };
    }
}
