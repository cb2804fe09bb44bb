package io.jenkins.plugins.konductro.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.AcceptanceProgress;
import io.jenkins.plugins.konductro.operations.PullRequestResult;
import io.jenkins.plugins.konductro.operations.PullRequestStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The texts as the bundle gives them, where java.text.MessageFormat could change them: numbers of four digits and
 * more (never grouped), quotes and braces in the patterns and in what is filled in, non-ASCII punctuation.
 */
class MessageTextsTest {
    private final RepositoryRef repo = RepositoryRef.of("acme-team", "shop-api");

    @Test
    void numbersAreWrittenWithoutGrouping() {
        assertEquals("1000 of 1234 acceptance criteria resolved", UseCaseTexts.criteriaResolved(1000, 1234));
        assertEquals("1 of 1 acceptance criterion resolved", UseCaseTexts.criteriaResolved(1, 1));
        PullRequestResult pr = new PullRequestResult(12345, "https://bitbucket.org/pr/12345", "OPEN", "T", true,
                List.of(), List.of(), List.of(), null);
        PullRequestOpened opened = new PullRequestOpened(repo, pr, List.of("bob", "carol"), List.of(), List.of(),
                List.of(), List.of("a", "b"), List.of("c"));
        assertEquals("Opened pull request #12345 feature/KON-1 in acme-team/shop-api, reviewers bob, carol, acceptance "
                + "criteria as tasks: 2 created, 1 already there \u2014 https://bitbucket.org/pr/12345",
                StepTexts.pullRequestOpened(opened, repo, "feature/KON-1"));
        assertEquals("Linked repository 1000: why", SettingTexts.entryRefused(1000, "why"));
    }

    @Test
    void quotesAndBracesSurviveInPatternsAndArguments() {
        assertEquals("konductroPushSpec: file 'it's {0}.md' is read from the workspace, and there is none here. Call the "
                + "step inside node { \u2026 }, or pass the text as spec: readFile('it's {0}.md').",
                StepTexts.noWorkspace(JobKind.PIPELINE, "it's {0}.md"));
        assertEquals("Konductro: push the ticket's spec: file 'a/../b' is not inside the workspace. Give a path relative to "
                + "the workspace, such as specs/KON-42.md; absolute paths and '..' are refused.",
                StepTexts.fileOutsideWorkspace(JobKind.FREESTYLE, "a/../b"));
    }

    @Test
    void theProgressPartOfAReadPullRequestFollowsWhatIsKnown() {
        PullRequestStatus status = new PullRequestStatus(7, "OPEN", "https://bitbucket.org/pr/7", "Add 'cart'", null, null);
        assertEquals("Pull request #7 in acme-team/shop-api is OPEN: Add 'cart' \u2014 https://bitbucket.org/pr/7",
                StepTexts.pullRequestRead(PullRequestRead.withProgress(repo, status,
                        new AcceptanceProgress(0, 0, List.of())), repo));
        assertEquals("Pull request #7 in acme-team/shop-api is OPEN: Add 'cart', 1 of 2 acceptance criteria resolved "
                + "\u2014 https://bitbucket.org/pr/7", StepTexts.pullRequestRead(PullRequestRead.withProgress(repo, status,
                        new AcceptanceProgress(2, 1, List.of("x"))), repo));
        assertEquals("Pull request #7 in acme-team/shop-api is OPEN: Add 'cart', acceptance progress unknown (busy) "
                + "\u2014 https://bitbucket.org/pr/7",
                StepTexts.pullRequestRead(PullRequestRead.progressUnknown(repo, status, "busy"), repo));
    }
}
