package io.jenkins.plugins.konductro.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.konductro.usecases.PullRequestStates;
import io.jenkins.plugins.konductro.usecases.RecordedPullRequest;
import io.jenkins.plugins.konductro.usecases.BuildRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the build and job pages show first, and what their state endpoints answer. */
class PageModelTest {
    private static final long NOW = 10_000_000L;

    private static RecordedPullRequest pr(String state, long checkedAt) {
        return new RecordedPullRequest("acme-team/widgets", 12, "KON-42", "feature/KON-42-café", "KON-42: café", state,
                "https://bitbucket.org/acme-team/widgets/pull-requests/12", checkedAt);
    }

    @Test
    void aPullRequestShowsItsStateAgeAndLinks() {
        PullRequestView view = PullRequestView.of(pr("DECLINED", NOW - 125_000), new BuildRecord(), NOW);
        assertEquals("acme-team/widgets#12", view.getKey());
        assertEquals("declined", view.getStateClass());
        assertEquals("checked 2 min ago", view.getChecked());
        assertEquals("https://bitbucket.org/acme-team/widgets/branch/feature/KON-42-caf%C3%A9", view.getBranchUrl());
        assertNull(view.getSpecUrl(), "this build pushed no spec");
        assertTrue(view.isFinal());
    }

    /** Issue 16, item 6: a link Bitbucket's answer carries is shown only when it goes to https://bitbucket.org/. */
    @Test
    void onlyLinksToBitbucketCloudArePagesLinks() throws Exception {
        for (String elsewhere : List.of("javascript:alert(document.domain)", "http://bitbucket.org/acme-team/widgets/pull-requests/12",
                "https://bitbucket.org.attacker.example/x", "https://evil@bitbucket.org/x", "https://bitbucket.org:8443/x",
                "//attacker.example/x", "data:text/html,<script>alert(1)</script>")) {
            RecordedPullRequest pr = new RecordedPullRequest("acme-team/widgets", 12, "KON-42", null, "KON-42", "OPEN", elsewhere, NOW);
            assertNull(PullRequestView.of(pr, new BuildRecord(), NOW).getUrl(), elsewhere);
            JsonNode answer = new ObjectMapper().readTree(StateJson.body(List.of(new PullRequestStates.Look(pr, true, null)), NOW));
            assertTrue(answer.path("pullRequests").get(0).path("url").isNull(), elsewhere);
        }
        assertEquals("https://bitbucket.org/acme-team/widgets/pull-requests/12",
                PullRequestView.of(pr("OPEN", NOW), new BuildRecord(), NOW).getUrl());
    }

    @Test
    void agesReadInWords() {
        assertEquals("checked 0 s ago", Ages.checked(-5));
        assertEquals("checked 59 s ago", Ages.checked(59_999));
        assertEquals("checked 1 min ago", Ages.checked(60_000));
        assertEquals("checked 1 h ago", Ages.checked(3_600_000));
        assertEquals("checked 2 d ago", Ages.checked(2 * 86_400_000L));
        assertEquals("checked 1234 d ago", Ages.checked(1234 * 86_400_000L), "a number as written, not grouped");
    }

    @Test
    void theStateAnswerSaysWhatIsLiveAndWhyNot() throws Exception {
        JsonNode answer = new ObjectMapper().readTree(StateJson.body(List.of(
                new PullRequestStates.Look(pr("OPEN", NOW - 3_000), true, null),
                new PullRequestStates.Look(pr("OPEN", NOW - 600_000), false, "Log in to see the live state.")), NOW));
        JsonNode live = answer.path("pullRequests").get(0);
        assertEquals("acme-team/widgets#12", live.path("key").asText());
        assertEquals("OPEN", live.path("state").asText());
        assertEquals(false, live.path("final").asBoolean());
        assertEquals(true, live.path("live").asBoolean());
        assertEquals(3, live.path("checkedSecondsAgo").asInt());
        assertTrue(live.path("note").isNull());
        JsonNode stale = answer.path("pullRequests").get(1);
        assertEquals(false, stale.path("live").asBoolean());
        assertEquals("Log in to see the live state.", stale.path("note").asText());
        assertEquals("checked 10 min ago", stale.path("checked").asText());
    }
}
