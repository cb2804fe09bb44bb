package io.jenkins.plugins.konductro.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.konductro.usecases.ReviewerDirectory.ReviewerAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReviewerSelectionTest {
    private final List<String> asked = new ArrayList<>();
    private final ReviewerDirectory directory = (userId, workspace) -> {
        asked.add(userId + "@" + workspace);
        return switch (userId) {
            case "bob" -> ReviewerAccount.of("{B0B}");
            case "alice-too" -> ReviewerAccount.of("{a11ce}");
            default -> ReviewerAccount.missing("has no credential");
        };
    };

    @Test
    void reviewersAreFoundByTheirOwnCredentialAndTheOthersAreSkippedWithAReason() {
        ReviewerSelection selection = ReviewerSelection.of(directory, List.of("bob", " carol ", "bob", "", "alice", "alice-too"),
                "acme-team", "Alice", "{A11CE}");
        assertEquals(List.of("{b0b}"), selection.accountUuids());
        assertEquals(Map.of("carol", "has no credential", "alice", "is the author of the pull request",
                "alice-too", "is the author of the pull request"), selection.skipped());
        assertEquals("bob", selection.userIdOf("{B0B}"));
        assertEquals("{unknown}", selection.userIdOf("{unknown}"));
        assertEquals(List.of("bob@acme-team", "carol@acme-team", "alice-too@acme-team"), asked,
                "each user is looked up once, and the author not at all");
    }
}
