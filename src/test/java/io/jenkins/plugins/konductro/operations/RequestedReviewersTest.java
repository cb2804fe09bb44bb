package io.jenkins.plugins.konductro.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jenkins.plugins.konductro.bitbucket.DefaultReviewer;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.operations.PullRequestResult.SkippedReviewer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestedReviewersTest {
    private static final String BOB = "{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}";
    private static final String ALICE = "{11111111-2222-3333-4444-555555555555}";
    private static final String CAROL = "{aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee}";

    @Test
    void uuidsAreWrittenOneWayAndKeptOnceInOrder() {
        List<SkippedReviewer> skipped = new ArrayList<>();
        List<String> named = RequestedReviewers.named(List.of(" " + CAROL.toUpperCase() + " ", BOB.substring(1, BOB.length() - 1),
                BOB), null, skipped);
        assertEquals(List.of(CAROL, BOB), named);
        assertEquals(List.of(), skipped);
        assertEquals(List.of(), RequestedReviewers.named(null, ALICE, skipped));
    }

    @Test
    void theAuthorIsLeftOutWhateverTheCaseAndReported() {
        List<SkippedReviewer> skipped = new ArrayList<>();
        String author = ALICE.toUpperCase();
        assertEquals(List.of(BOB), RequestedReviewers.named(List.of(ALICE, BOB), author, skipped));
        assertEquals(List.of(new SkippedReviewer(author, "is the author of the pull request")), skipped);
    }

    @Test
    void anythingButAnAccountUuidIsRefused() {
        for (String bad : Arrays.asList("bob", null, "{0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f}", BOB + "x")) {
            assertThrows(InvalidInputException.class, () -> RequestedReviewers.named(Arrays.asList(bad), null, new ArrayList<>()),
                    String.valueOf(bad));
        }
    }

    @Test
    void defaultReviewersFollowTheNamedOnesExceptTheAuthorAndThoseNamedAlready() {
        List<DefaultReviewer> defaults = List.of(new DefaultReviewer(BOB.toUpperCase(), "Bob", "repository"),
                new DefaultReviewer(ALICE, "Alice", "project"), new DefaultReviewer(CAROL, "Carol", "repository"));
        assertEquals(List.of(BOB, CAROL), RequestedReviewers.withDefaults(List.of(BOB), defaults, ALICE.toUpperCase()));
        assertEquals(List.of(BOB, ALICE, CAROL), RequestedReviewers.withDefaults(List.of(), defaults, null));
    }
}
