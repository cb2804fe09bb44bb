package io.jenkins.plugins.konductro.bitbucket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON posted is the same, byte for byte, as the request bodies the API definition was checked against. */
class JsonBodiesTest {

    private static String json(Object body) throws Exception {
        return JsonAnswers.MAPPER.writeValueAsString(body);
    }

    @Test
    void aNewBranchNamesItsTarget() throws Exception {
        assertEquals("{\"name\":\"feature/KON-1\",\"target\":{\"hash\":\"abc\"}}", json(new JsonBodies.NewBranch("feature/KON-1", "abc")));
    }

    @Test
    void aNewTaskHasItsTextAsRawContent() throws Exception {
        assertEquals("{\"content\":{\"raw\":\"Header row\"}}", json(new JsonBodies.NewTask("Header row")));
        assertEquals("{\"content\":{\"raw\":null}}", json(new JsonBodies.NewTask((String) null)));
    }

    @Test
    void aFullPullRequestSendsEveryFieldInOrder() throws Exception {
        NewPullRequest pr = new NewPullRequest("T", "", "s", "d", List.of("{x}", "{y}"), true);
        assertEquals("{\"title\":\"T\",\"description\":\"\",\"source\":{\"branch\":{\"name\":\"s\"}},"
                + "\"destination\":{\"branch\":{\"name\":\"d\"}},\"reviewers\":[{\"uuid\":\"{x}\"},{\"uuid\":\"{y}\"}],"
                + "\"close_source_branch\":true}", json(JsonBodies.NewPullRequestBody.of(pr)));
    }

    @Test
    void aPullRequestLeavesOutNoDescriptionNoDestinationAndNoReviewers() throws Exception {
        NewPullRequest pr = new NewPullRequest(null, null, "s", null, List.of(), false);
        assertEquals("{\"title\":null,\"source\":{\"branch\":{\"name\":\"s\"}},\"close_source_branch\":false}",
                json(JsonBodies.NewPullRequestBody.of(pr)));
    }
}
