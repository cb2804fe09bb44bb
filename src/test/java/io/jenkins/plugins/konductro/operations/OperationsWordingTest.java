package io.jenkins.plugins.konductro.operations;

import static io.jenkins.plugins.konductro.SecretLeakWatch.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.sandbox.Fault;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every sentence the operations say (and the words they write to Bitbucket), word for word as people read them:
 * the quotes, braces and numbers in them are what {@link java.text.MessageFormat} would otherwise change.
 */
class OperationsWordingTest {
    private static final RepositoryRef WIDGETS = RepositoryRef.of("acme-team", "widgets");
    private static final String SPEC = "# KON-42: Export CSV\n";

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private KonductroOperations operations;
    private Developer alice;

    @BeforeEach
    void setUp() {
        operations = new KonductroOperations(fixture.client());
        alice = fixture.aliceDeveloper();
    }

    private static void says(String sentence, Executable action) {
        assertEquals(sentence, expect(InvalidInputException.class, action).getMessage());
    }

    @Test
    void branchNameRefusalsNameTheArgumentAndWhatGitWouldRefuse() {
        says("Branch is required.", () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", null, SPEC)));
        says("Branch 'bad name' is not a valid branch name: it contains a space, a control character or one of "
                + "~ ^ : ? * [ \\.", () -> operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42").withName("bad name")));
        says("Base branch (from) 'a..b' is not a valid branch name: it contains '..', '//', '/.' or '@{'.",
                () -> operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42").withFrom("a..b")));
        says("Source branch 'topic.lock' is not a valid branch name: it starts or ends with '/', '-', '.', or ends with "
                + "'.lock'.", () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", "topic.lock")));
        says("Destination branch 'x@{y' is not a valid branch name: it contains '..', '//', '/.' or '@{'.",
                () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", "feature/KON-42")
                        .withDestination("x@{y")));
        String long256 = "a-".repeat(128);
        says("Branch " + BitbucketInputs.quoted(long256) + " is not a valid branch name: it is longer than 255 characters.",
                () -> operations.pullRequestStatus(alice, PullRequestLookup.bySourceBranch(WIDGETS, long256)));
        String token = "ATATT3" + "x".repeat(186);
        says("Branch (the value given, not shown: it looks like a token) is not a valid branch name: it looks like a token.",
                () -> BranchNames.requireValid(token, "Branch"));
    }

    @Test
    void ticketKeysAndSpecs() {
        says("Ticket 'kon-42' is not a ticket key. Use the project key in capitals, a dash and the number (at most 32 "
                + "characters), for example KON-42.", () -> TicketKey.of("kon-42"));
        says("The spec is empty.", () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", "f", new byte[0])));
        byte[] big = new byte[KonductroOperations.MAX_SPEC_BYTES + 1];
        Arrays.fill(big, (byte) 'a');
        says("The spec is 1048577 bytes; the limit is 1 MiB (1048576 bytes). Keep large attachments out of the ticket "
                + "spec.", () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", "f", big)));
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        says("The spec is not valid UTF-8 text. Save it as UTF-8 and try again.",
                () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", "f", latin1)));
        says("The spec is only white space. Give the ticket's spec as Markdown text.",
                () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", "f", " \n")));
        says("The spec is required.", () -> SpecUpdate.of(WIDGETS, "KON-42", "f", (String) null));
        says("The spec contains characters that cannot be written as UTF-8.",
                () -> SpecUpdate.of(WIDGETS, "KON-42", "f", "\ud800"));
    }

    @Test
    void pullRequestInputs() {
        says("The source and destination branch are both 'main'.",
                () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", "main").withDestination("main")));
        says("Reviewer 'bob' is not a Bitbucket account UUID such as {0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0}.",
                () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", "f").withReviewers(List.of("bob"))));
        says("An acceptance criterion is empty; remove it or give its text.",
                () -> PullRequestText.criteria(List.of("ok", " ")));
        says("Acceptance criterion 'first\u2026' spans several lines; give one line per criterion.",
                () -> PullRequestText.criteria(List.of("first\nsecond")));
        says("The pull request title is longer than 255 characters.",
                () -> PullRequestText.title(TicketKey.of("KON-42"), "x".repeat(300), "f"));
        says("Give either a pull request id or a source branch, not neither.",
                () -> operations.pullRequestStatus(alice, new PullRequestLookup(WIDGETS, null, null)));
        says("Give either a pull request id or a source branch, not both.",
                () -> operations.pullRequestStatus(alice, new PullRequestLookup(WIDGETS, 1L, "f")));
        says("Pull request id must be a positive number, not -1234.",
                () -> operations.pullRequestStatus(alice, PullRequestLookup.byId(WIDGETS, -1234L)));
        says("The credential alice@acme.test @ acme-team is for workspace 'acme-team', but other-team/widgets is in "
                + "'other-team'. Use your credential for that workspace.",
                () -> operations.startBranch(alice, NewBranch.of(RepositoryRef.of("other-team", "widgets"), "KON-42")));
    }

    @Test
    void reviewersLeftOffSayWhy() {
        assertEquals("refused by Bitbucket", ReviewerRefusals.reason(new BitbucketException.BadRequest("m", "", Map.of())));
        assertEquals("refused by Bitbucket: Dave Out is not a member of this workspace",
                ReviewerRefusals.reason(new BitbucketException.BadRequest("m", "Dave Out is not a member of this workspace",
                        Map.of())));
        assertEquals("refused by Bitbucket: {x} isn't 'valid'", ReviewerRefusals.reason(new BitbucketException.BadRequest(
                "m", "other", Map.of("reviewers", "{x} isn't 'valid'"))));
        assertEquals("Bitbucket refused the reviewer list without saying whom",
                ReviewerRefusals.unattributed(new BitbucketException.BadRequest("m", "", Map.of())));
        assertEquals("Bitbucket refused the reviewer list without saying whom (can't add '{0}')",
                ReviewerRefusals.unattributed(new BitbucketException.BadRequest("m", "can't add '{0}'", Map.of())));
    }

    @Test
    void incompleteTasksSayWhatIsThereAndWhatIsMissing() {
        BitbucketException cause = new BitbucketException.BadRequest("Bitbucket said no.", "no", Map.of());
        AcceptanceTasks done = new AcceptanceTasks(List.of("A"), List.of(), new AcceptanceProgress(1, 0, List.of("A")));
        assertEquals("Pull request #1234 is open, but Bitbucket Cloud refused to create its task 'B': " + cause.getMessage()
                + " Created now: 'A'; there already: none; not created: 'B', 'C'. Run the step again: it creates only the "
                + "missing tasks.", TasksIncomplete.notCreated(1234, done, List.of("B", "C"), cause).getMessage());
        assertEquals("Pull request #7 is open, but Bitbucket Cloud refused to list its tasks: " + cause.getMessage()
                + " Created now: none; there already: none; not created: 'A'. Run the step again: it creates only the "
                + "missing tasks.", TasksIncomplete.notListed(7, List.of("A"), cause).getMessage());
    }

    @Test
    void aVerifiedCredentialSaysWhoAndWhere() {
        assertEquals("Authenticated as Alice Doe ({a1}) \u2014 member of acme-team",
                CredentialCheck.passed("{a1}", "Alice Doe", "acme-team", "member").summary());
    }

    @Test
    void verificationRefusals() throws Exception {
        fixture.sandbox().leaveAccountOutOfMemberships();
        ApiTokenCredential erin = fixture.user("erin@acme.test", "Erin", true, BitbucketSandbox.SCOPE_READ_ACCOUNT,
                "read:workspace:bitbucket");
        assertEquals("Bitbucket Cloud's membership answer for acme-team did not name the account, and reading it "
                + "(GET /user) needs read:account or read:user:bitbucket, which the API token of erin@acme.test lacks. "
                + "Create a new API token with scopes that includes one of them (scopes cannot be added to an existing "
                + "token).", operations.verifyCredential(erin).problem());
        ApiTokenCredential carol = fixture.user("carol@else.test", "Carol Out", false, "read:user:bitbucket",
                "read:workspace:bitbucket");
        assertEquals("carol@else.test has no access to the workspace 'acme-team'. Check the workspace slug (the part "
                + "after bitbucket.org/ in your repository URLs) and that you are a member of it.",
                operations.verifyCredential(carol).problem());
        String wrong = SecretLeakWatch.secret("ATATT3" + "q".repeat(186));
        assertTrue(operations.verifyCredential("acme-team", "alice@acme.test", wrong).problem()
                .startsWith("Wrong e-mail or API token: "));
    }

    @Test
    void branchesThatAreNotThere() {
        assertEquals("Base branch 'no-such-branch' does not exist in acme-team/widgets (or is not visible to you).",
                expect(BitbucketException.NotFound.class, () -> operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-7")
                        .withFrom("no-such-branch"))).getMessage());
        assertEquals("Branch 'feature/KON-42' does not exist in acme-team/widgets. Start it first (konductroStartBranch).",
                expect(BitbucketException.NotFound.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42",
                        "feature/KON-42", SPEC))).getMessage());
        assertEquals("No pull request from branch 'feature/none' in acme-team/widgets.",
                expect(BitbucketException.NotFound.class, () -> operations.pullRequestStatus(alice,
                        PullRequestLookup.bySourceBranch(WIDGETS, "feature/none"))).getMessage());
    }

    @Test
    void specCommitsAndTheirRefusals() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC));
        assertTrue(fixture.exchanges().stream().anyMatch(x -> x.requestText().contains("KON-42: add ticket spec")));
        fixture.sandbox().clearExchanges();
        operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC + "More.\n"));
        assertTrue(fixture.exchanges().stream().anyMatch(x -> x.requestText().contains("KON-42: update ticket spec")));

        AtomicBoolean changed = new AtomicBoolean();
        fixture.sandbox().onExchange(exchange -> {
            if (exchange.method().equals("GET") && exchange.path().contains("/src/") && changed.compareAndSet(false, true)) {
                fixture.sandbox().commitDirectly("acme-team", "widgets", branch, ".tickets/KON-42.md", "bob's version");
            }
        });
        String conflict = expect(BitbucketException.Conflict.class,
                () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC))).getMessage();
        assertEquals("The spec .tickets/KON-42.md on 'feature/KON-42' was changed by someone else (now at "
                + fixture.sandbox().branchHead("acme-team", "widgets", branch) + ") while Konductro was writing it. Review "
                + "that change, then run the step again to write your version on top of it.", conflict);
    }

    @Test
    void aBranchGoneRightAfterTheCommitIsSaidSo() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        fixture.sandbox().onExchange(exchange -> {
            if (exchange.method().equals("POST") && exchange.path().endsWith("/src")) {
                fixture.sandbox().inject("GET", ".*/refs/branches/.*", Fault.status(404));
            }
        });
        assertEquals("Branch 'feature/KON-42' disappeared right after the spec was committed.",
                expect(BitbucketException.NotFound.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42",
                        branch, SPEC))).getMessage());
    }

    @Test
    void aPullRequestWithNothingToPullIsExplained() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-15")).branch();
        assertEquals("Bitbucket Cloud refused to open a pull request from 'feature/KON-15' into the main branch: the branch "
                + "has no commit beyond it yet (\"There are no changes to be pulled\"). Commit to the branch first (push the "
                + "ticket's spec), then open the pull request again.", expect(BitbucketException.BadRequest.class,
                        () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-15", branch))).getMessage());
        assertEquals("Bitbucket Cloud refused to open a pull request from 'feature/KON-15' into 'main': the branch has no "
                + "commit beyond it yet (\"There are no changes to be pulled\"). Commit to the branch first (push the "
                + "ticket's spec), then open the pull request again.", expect(BitbucketException.BadRequest.class,
                        () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-15", branch)
                                .withDestination("main"))).getMessage());
    }

    @Test
    void programmingMistakesAreNamed() {
        assertEquals("capacity must be positive",
                expect(IllegalArgumentException.class, () -> new BoundedMap<String, String>(0)).getMessage());
        assertEquals("credential is required",
                expect(IllegalArgumentException.class, () -> new Developer(null, "x", null)).getMessage());
    }
}
