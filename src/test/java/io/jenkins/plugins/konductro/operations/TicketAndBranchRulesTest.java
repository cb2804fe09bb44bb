package io.jenkins.plugins.konductro.operations;

import static io.jenkins.plugins.konductro.SecretLeakWatch.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketAndBranchRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"KON-42", "AB-1", "PROJ_2-1000", "X9-7"})
    void acceptsTicketKeys(String key) {
        assertEquals(".tickets/" + key + ".md", TicketKey.of(key).specPath());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "kon-42", "KON42", "KON-0", "KON-042", "K-1", "../KON-42", "KON-42/../../x", "KON 42",
            "KON-42 ", "KON-42\n", "KON-4a", "1KON-42", "KON-42.md", "KON--42", "ABCDEFGHIJKLMNOPQRSTUVWXYZABCD-100"})
    void refusesAnythingElseAsATicket(String key) {
        InvalidInputException e = expect(InvalidInputException.class, () -> new TicketKey(key));
        assertTrue(e.getMessage().contains("is not a ticket key"), e.getMessage());
    }

    @Test
    void theLongestTicketStillGivesADefaultNameOfAtMost60Characters() {
        TicketKey longest = TicketKey.of("ABCDEFGHIJKLMNOPQRSTUVWXYZABC-10");
        assertEquals(TicketKey.MAX_LENGTH, longest.value().length());
        String name = BranchNames.defaultName(longest, "a summary that is long enough to need cutting");
        assertTrue(name.length() <= BranchNames.MAX_DEFAULT_LENGTH, name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Add login form                       | feature/KON-42-add-login-form",
            "Émile's café: crème brûlée!          | feature/KON-42-emile-s-cafe-creme-brulee",
            "   ---   |  feature/KON-42",
            "Export every widget of the whole catalogue to CSV and also to Excel | feature/KON-42-export-every-widget-of-the-whole-catalogue-to",
            "中文标题                               | feature/KON-42",
    })
    void defaultBranchNamesAreAsciiLowercaseAndShort(String summary, String expected) {
        String name = BranchNames.defaultName(TicketKey.of("KON-42"), summary);
        assertEquals(expected, name);
        assertTrue(name.length() <= BranchNames.MAX_DEFAULT_LENGTH);
        assertEquals(name, BranchNames.requireValid(name, "Branch"));
    }

    @Test
    void noSummaryGivesTheTicketAlone() {
        assertEquals("feature/KON-42", BranchNames.defaultName(TicketKey.of("KON-42"), null));
    }

    @Test
    void aSummaryWithoutWordBreaksIsCutToFit() {
        String name = BranchNames.defaultName(TicketKey.of("KON-42"), "a".repeat(200));
        assertEquals(BranchNames.MAX_DEFAULT_LENGTH, name.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"feature/a b", "feature/a..b", "feature//a", "/feature", "feature/", "feature/a.lock", "a~1",
            "a^2", "a:b", "a?b", "a*b", "a[b", "a\\b", "-rf", "feature/.hidden", "a@{1}", "@", "a\tb"})
    void refusesBranchNamesGitWouldRefuse(String name) {
        expect(InvalidInputException.class, () -> BranchNames.requireValid(name, "Branch"));
    }

    @Test
    void descriptionEndsWithTheAcceptanceCriteriaChecklist() {
        String text = PullRequestText.description("Adds CSV export.", List.of("Button on the list page", " One row per widget "), false);
        assertEquals("Adds CSV export.\n\n## Acceptance criteria\n\n- [ ] Button on the list page\n- [ ] One row per widget", text);
        assertEquals("Only text", PullRequestText.description("Only text", List.of(), true));
        assertEquals("## Acceptance criteria\n\nEach criterion is also a task of this pull request: resolve it there when it is "
                + "met.\n\n- [ ] One", PullRequestText.description(null, List.of("One"), true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "two\nlines"})
    void refusesEmptyOrMultiLineCriteria(String criterion) {
        expect(InvalidInputException.class, () -> PullRequestText.description("x", List.of("fine", criterion), true));
    }

    @Test
    void titlesLeadWithTheTicket() {
        TicketKey ticket = TicketKey.of("KON-42");
        assertEquals("KON-42: Export CSV", PullRequestText.title(ticket, "Export CSV", "feature/KON-42-x"));
        assertEquals("Fix KON-42 now", PullRequestText.title(ticket, "Fix KON-42 now", "feature/KON-42-x"));
        assertEquals("KON-42: export csv", PullRequestText.title(ticket, null, "feature/KON-42-export-csv"));
        assertEquals("KON-42", PullRequestText.title(ticket, " ", "feature/KON-42"));
        expect(InvalidInputException.class, () -> PullRequestText.title(ticket, "x".repeat(300), "feature/KON-42"));
    }
}
