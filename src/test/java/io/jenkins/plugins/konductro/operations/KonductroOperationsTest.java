package io.jenkins.plugins.konductro.operations;

import static io.jenkins.plugins.konductro.SecretLeakWatch.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.CredentialCheck.Field;
import io.jenkins.plugins.konductro.operations.PullRequestResult.SkippedReviewer;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.sandbox.Fault;
import io.jenkins.plugins.konductro.sandbox.SandboxPullRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KonductroOperationsTest {
    private static final RepositoryRef WIDGETS = RepositoryRef.of("acme-team", "widgets");
    private static final String SPEC = "# KON-42: Export CSV\n\nUsers can download the widget list.\n";

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private KonductroOperations operations;
    private Developer alice;
    private String bobUuid;

    @BeforeEach
    void setUp() {
        operations = new KonductroOperations(fixture.client());
        alice = fixture.aliceDeveloper();
        bobUuid = sandbox().user("bob@acme.test").uuid();
    }

    private BitbucketSandbox sandbox() {
        return fixture.sandbox();
    }

    private String head(String branch) {
        return sandbox().branchHead("acme-team", "widgets", branch);
    }

    // verifyCredential

    @Test
    void verifyReportsWhoAndTheirRoleInOneRequestThenFromItsCache() throws Exception {
        CredentialCheck[] check = new CredentialCheck[1];
        int requests = fixture.requestsDuring(() -> check[0] = operations.verifyCredential(fixture.bob()));
        assertEquals(1, requests);
        assertEquals("/user/workspaces/acme-team/permission", fixture.exchanges().get(0).path());
        assertTrue(check[0].valid());
        assertEquals("Authenticated as Bob Stone (" + bobUuid + ") — member of acme-team", check[0].summary());
        assertEquals(0, fixture.requestsDuring(() -> operations.verifyCredential(fixture.bob())), "verified once per lifetime");
    }

    @Test
    void aTokenMadeAsTheProductDocumentsIsVerified() throws Exception {
        ApiTokenCredential documented = fixture.user("erin@acme.test", "Erin", true, BitbucketSandbox.SCOPE_READ_ACCOUNT,
                "read:workspace:bitbucket", "read:repository:bitbucket", "write:repository:bitbucket",
                "read:pullrequest:bitbucket", "write:pullrequest:bitbucket");
        CredentialCheck check = operations.verifyCredential(documented);
        assertTrue(check.valid(), check.summary());
        assertEquals("Erin", check.displayName());
    }

    @Test
    void anAnswerWithoutTheAccountFallsBackToUserAndNamesBothScopesWhenItCannot() throws Exception {
        sandbox().leaveAccountOutOfMemberships();
        assertEquals(2, fixture.requestsDuring(() -> assertTrue(operations.verifyCredential(fixture.bob()).valid())));
        assertEquals("/user", fixture.exchanges().get(1).path());

        ApiTokenCredential noUserScope = fixture.user("erin@acme.test", "Erin", true, BitbucketSandbox.SCOPE_READ_ACCOUNT,
                "read:workspace:bitbucket");
        CredentialCheck check = operations.verifyCredential(noUserScope);
        assertEquals(Field.TOKEN, check.field());
        assertTrue(check.problem().contains("read:account or read:user:bitbucket"), check.problem());
    }

    @Test
    void aForgedOrChangedAnswerIsNotKeptLongerThanItsLifetime() throws Exception {
        KonductroOperations noCache = new KonductroOperations(fixture.client(), java.time.Duration.ZERO, java.time.Duration.ZERO);
        noCache.verifyCredential(fixture.bob());
        assertEquals(1, fixture.requestsDuring(() -> noCache.verifyCredential(fixture.bob())));
        sandbox().revoke(sandbox().demoToken("bob"));
        assertFalse(noCache.verifyCredential(fixture.bob()).valid(), "a revoked token is seen once the lifetime is over");
    }

    @Test
    void aRefusedSaveBoundTwiceAsksBitbucketOnce() throws Exception {
        String wrong = SecretLeakWatch.secret("ATATT3" + "w".repeat(186));
        assertEquals(1, fixture.requestsDuring(() -> {
            operations.verifyCredential("acme-team", "alice@acme.test", wrong);
            operations.verifyCredential("acme-team", "alice@acme.test", wrong);
        }));
    }

    @Test
    void verifyBlamesTheTokenFor401() throws Exception {
        String wrong = SecretLeakWatch.secret("ATATT3" + "q".repeat(186));
        CredentialCheck check = operations.verifyCredential("acme-team", "alice@acme.test", wrong);
        assertFalse(check.valid());
        assertEquals(Field.TOKEN, check.field());
        assertTrue(check.problem().startsWith("Wrong e-mail or API token"), check.problem());
        SecretLeakWatch.recordLine(check.problem());
    }

    @Test
    void verifyNamesTheMissingScope() throws Exception {
        ApiTokenCredential noWorkspaceScope = fixture.user("finn@acme.test", "Finn", true, "read:user:bitbucket");
        CredentialCheck check = operations.verifyCredential(noWorkspaceScope);
        assertEquals(Field.TOKEN, check.field());
        assertTrue(check.problem().contains("read:workspace:bitbucket"), check.problem());
    }

    @Test
    void verifyBlamesTheWorkspaceForANonMember() throws Exception {
        ApiTokenCredential carol = fixture.user("carol@else.test", "Carol Out", false, "read:user:bitbucket", "read:workspace:bitbucket");
        CredentialCheck check = operations.verifyCredential(carol);
        assertEquals(Field.WORKSPACE, check.field());
        assertTrue(check.problem().contains("has no access to the workspace 'acme-team'"), check.problem());
    }

    @Test
    void verifyRefusesBadFormValuesBeforeAnyCall() throws Exception {
        String token = sandbox().demoToken("alice");
        sandbox().clearExchanges();
        assertEquals(Field.WORKSPACE, operations.verifyCredential("Acme Team", "alice@acme.test", token).field());
        assertEquals(Field.EMAIL, operations.verifyCredential("acme-team", "alice", token).field());
        assertEquals(Field.TOKEN, operations.verifyCredential("acme-team", "alice@acme.test", "ATBB" + "x".repeat(32)).field());
        assertEquals(Field.TOKEN, operations.verifyCredential("acme-team", "alice@acme.test", "").field());
        assertEquals(0, fixture.exchanges().size());
    }

    // startBranch

    @Test
    void startBranchCreatesTheDefaultBranchFromMainInThreeRequestsThenTwo() throws Exception {
        BranchResult[] result = new BranchResult[1];
        int cold = fixture.requestsDuring(() -> result[0] = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")
                .withSummary("Export CSV")));
        assertEquals(3, cold);
        assertEquals(new BranchResult("feature/KON-42-export-csv", head("main"), true,
                "https://bitbucket.org/acme-team/widgets/branch/feature/KON-42-export-csv", "main"), result[0]);
        assertEquals(head("main"), head("feature/KON-42-export-csv"));
        int warm = fixture.requestsDuring(() -> operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-43")));
        assertEquals(2, warm);
    }

    @Test
    void startBranchReturnsAnExistingBranchUnchanged() throws Exception {
        BranchResult first = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42").withSummary("Export CSV"));
        sandbox().commitDirectly("acme-team", "widgets", "feature/KON-42-export-csv", "work.txt", "progress");
        BranchResult again = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42").withSummary("Export CSV"));
        assertFalse(again.created());
        assertEquals(head("feature/KON-42-export-csv"), again.commit());
        assertNotEquals(first.commit(), again.commit());
    }

    @Test
    void startBranchFromAnotherBranchOrASha() throws Exception {
        String developHead = sandbox().commitDirectly("acme-team", "widgets", "develop", "d.txt", "d");
        assertEquals(developHead, operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-5").withName("topic/kon-5")
                .withFrom("develop")).commit());
        String mainHead = head("main");
        int requests = fixture.requestsDuring(() -> operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-6")
                .withFrom(mainHead)));
        assertEquals(1, requests);
        assertEquals(mainHead, head("feature/KON-6"));
        BitbucketException.NotFound e = expect(BitbucketException.NotFound.class,
                () -> operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-7").withFrom("no-such-branch")));
        assertTrue(e.getMessage().contains("Base branch 'no-such-branch' does not exist"), e.getMessage());
    }

    @Test
    void startBranchAfterAnUnansweredCreateFindsTheBranch() throws Exception {
        sandbox().inject("POST", ".*/refs/branches", Fault.dropAfterProcessing());
        BranchResult result = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42"));
        assertTrue(result.created());
        assertEquals(head("main"), head("feature/KON-42"));
        assertEquals(1, fixture.exchanges().stream().filter(x -> x.method().equals("POST")).count());
    }

    @Test
    void startBranchAfterAConnectionLostBeforeTheCreateCreatesIt() throws Exception {
        sandbox().inject("POST", ".*/refs/branches", Fault.dropBeforeProcessing());
        assertTrue(operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).created());
        assertEquals(head("main"), head("feature/KON-42"));
    }

    @Test
    void startBranchAfterAGatewayTimeoutOnTheCreateLooksThenCreates() throws Exception {
        sandbox().inject("POST", ".*/refs/branches", Fault.status(504));
        assertTrue(operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).created());
        assertEquals(head("main"), head("feature/KON-42"));
        assertEquals(2, fixture.exchanges().stream().filter(x -> x.method().equals("POST")).count());
    }

    @Test
    void startBranchDoesNotReadAgainAfterARateLimit() {
        sandbox().inject("POST", ".*/refs/branches", Fault.rateLimited("600"));
        expect(BitbucketException.RateLimited.class, () -> operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")));
        assertEquals(3, fixture.exchanges().size());
    }

    @Test
    void theMainBranchNameIsReadAgainOnceItsCacheExpires() throws Exception {
        KonductroOperations noCache = new KonductroOperations(fixture.client(), java.time.Duration.ZERO);
        noCache.startBranch(alice, NewBranch.of(WIDGETS, "KON-1"));
        assertEquals(3, fixture.requestsDuring(() -> noCache.startBranch(alice, NewBranch.of(WIDGETS, "KON-2"))));
    }

    @Test
    void branchLinksAreEncoded() throws Exception {
        BranchResult result = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42").withName("feature/KON-42-café"));
        assertEquals("https://bitbucket.org/acme-team/widgets/branch/feature/KON-42-caf%C3%A9", result.url());
        assertEquals(head("main"), head("feature/KON-42-café"));
    }

    @Test
    void startBranchRerunAfterAServerErrorFinishesTheJob() throws Exception {
        sandbox().inject("POST", ".*/refs/branches", Fault.status(500));
        expect(BitbucketException.ServerError.class, () -> operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")));
        assertNull(head("feature/KON-42"));
        assertTrue(operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).created());
    }

    @Test
    void startBranchRefusesBadInputBeforeAnyCall() throws Exception {
        sandbox().clearExchanges();
        expect(InvalidInputException.class, () -> operations.startBranch(alice, NewBranch.of(WIDGETS, "kon-42")));
        expect(InvalidInputException.class, () -> operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")
                .withName("bad name")));
        expect(InvalidInputException.class, () -> operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")
                .withFrom("a..b")));
        expect(InvalidInputException.class,
                () -> operations.startBranch(alice, NewBranch.of(RepositoryRef.of("other-team", "widgets"), "KON-42")));
        assertEquals(0, fixture.exchanges().size());
    }

    @Test
    void startBranchWithoutWriteScopeSaysWhichScope() throws Exception {
        ApiTokenCredential reader = fixture.user("gus@acme.test", "Gus", true, "read:repository:bitbucket");
        Developer gus = new Developer(reader, "Gus", null);
        BitbucketException.MissingScope e = expect(BitbucketException.MissingScope.class,
                () -> operations.startBranch(gus, NewBranch.of(WIDGETS, "KON-42")));
        assertTrue(e.requiredScopes().contains("write:repository:bitbucket"), e.requiredScopes().toString());
    }

    // pushSpec

    @Test
    void pushSpecCommitsAsTheDeveloperInFourRequestsAndRerunsAsNoChange() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        SpecResult[] result = new SpecResult[1];
        assertEquals(4, fixture.requestsDuring(() -> result[0] = operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC))));
        assertTrue(result[0].changed());
        assertEquals(".tickets/KON-42.md", result[0].path());
        assertEquals(head(branch), result[0].commit());
        assertEquals(SPEC, sandbox().fileAt("acme-team", "widgets", result[0].commit(), ".tickets/KON-42.md"));
        assertEquals("Alice Doe <alice@acme.test>", sandbox().commitAuthor("acme-team", "widgets", result[0].commit()));
        assertTrue(fixture.exchanges().get(2).requestText().contains("KON-42: add ticket spec"));

        SpecResult[] again = new SpecResult[1];
        assertEquals(2, fixture.requestsDuring(() -> again[0] = operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC))));
        assertFalse(again[0].changed());
        assertEquals(result[0].commit(), again[0].commit());
        assertEquals(result[0].commit(), head(branch));

        SpecResult updated = operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC + "More.\n")
                .withMessage("KON-42: clarify"));
        assertTrue(updated.changed());
        assertEquals(SPEC + "More.\n", sandbox().fileAt("acme-team", "widgets", updated.commit(), ".tickets/KON-42.md"));
    }

    @Test
    void pushSpecRereadsAndRetriesWhenTheBranchMoves() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        AtomicBoolean pushed = new AtomicBoolean();
        sandbox().onExchange(exchange -> {
            if (exchange.method().equals("GET") && exchange.path().contains("/src/") && pushed.compareAndSet(false, true)) {
                sandbox().commitDirectly("acme-team", "widgets", branch, "other.txt", "a colleague's change");
            }
        });
        SpecResult result = operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC));
        assertTrue(result.changed());
        assertEquals(SPEC, sandbox().fileAt("acme-team", "widgets", head(branch), ".tickets/KON-42.md"));
        assertEquals("a colleague's change", sandbox().fileAt("acme-team", "widgets", head(branch), "other.txt"));
        assertEquals(1, fixture.exchanges().stream().filter(x -> x.status() == 409).count());
    }

    @Test
    void pushSpecStopsWhenSomeoneElseChangedTheSpecMeanwhile() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        AtomicBoolean pushed = new AtomicBoolean();
        sandbox().onExchange(exchange -> {
            if (exchange.method().equals("GET") && exchange.path().contains("/src/") && pushed.compareAndSet(false, true)) {
                sandbox().commitDirectly("acme-team", "widgets", branch, ".tickets/KON-42.md", "bob's version");
            }
        });
        BitbucketException.Conflict e = expect(BitbucketException.Conflict.class,
                () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC)));
        assertTrue(e.getMessage().contains("changed by someone else"), e.getMessage());
        assertEquals("bob's version", sandbox().fileAt("acme-team", "widgets", head(branch), ".tickets/KON-42.md"));
        // Rerunning after reviewing is an explicit decision to write over it.
        assertTrue(operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC)).changed());
        assertEquals(SPEC, sandbox().fileAt("acme-team", "widgets", head(branch), ".tickets/KON-42.md"));
    }

    @Test
    void pushSpecAfterAConflictWithTheSameSpecReportsNoChange() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        AtomicBoolean pushed = new AtomicBoolean();
        sandbox().onExchange(exchange -> {
            if (exchange.method().equals("GET") && exchange.path().contains("/src/") && pushed.compareAndSet(false, true)) {
                sandbox().commitDirectly("acme-team", "widgets", branch, ".tickets/KON-42.md", SPEC);
            }
        });
        SpecResult result = operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC));
        assertFalse(result.changed(), "someone else wrote the same spec; this run made no commit");
        assertEquals(head(branch), result.commit());
    }

    @Test
    void pushSpecGivesUpAfterBoundedConflicts() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        sandbox().onExchange(exchange -> {
            if (exchange.method().equals("GET") && exchange.path().contains("/src/")) {
                sandbox().commitDirectly("acme-team", "widgets", branch, "busy.txt", Long.toString(System.nanoTime()));
            }
        });
        expect(BitbucketException.Conflict.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC)));
        assertEquals(KonductroOperations.MAX_COMMIT_ATTEMPTS, fixture.exchanges().stream().filter(x -> x.status() == 409).count());
    }

    @Test
    void pushSpecAfterAnUnansweredCommitMakesNoSecondCommit() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        String before = head(branch);
        sandbox().inject("POST", ".*/src", Fault.dropAfterProcessing());
        SpecResult result = operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC));
        assertTrue(result.changed());
        assertEquals(head(branch), result.commit());
        assertEquals(1, fixture.exchanges().stream().filter(x -> x.method().equals("POST") && x.path().endsWith("/src")).count());
        assertNotEquals(before, result.commit());
    }

    @Test
    void pushSpecRerunAfterAFailedCommitFinishesTheJob() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        sandbox().inject("POST", ".*/src", Fault.status(500));
        expect(BitbucketException.ServerError.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC)));
        assertTrue(operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC)).changed());
        assertFalse(operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC)).changed());
    }

    @Test
    void pushSpecRerunAfterFailingToReadTheNewHeadMakesNoSecondCommit() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        sandbox().onExchange(exchange -> {
            if (exchange.method().equals("POST") && exchange.path().endsWith("/src")) {
                sandbox().inject("GET", ".*/refs/branches/.*", Fault.status(500));
            }
        });
        expect(BitbucketException.ServerError.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC)));
        String committed = head(branch);
        SpecResult rerun = operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC));
        assertFalse(rerun.changed());
        assertEquals(committed, rerun.commit());
        assertEquals(1, fixture.exchanges().stream().filter(x -> x.method().equals("POST") && x.path().endsWith("/src")).count());
    }

    @Test
    void pushSpecToAMissingBranchSaysToStartIt() {
        BitbucketException.NotFound e = expect(BitbucketException.NotFound.class,
                () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", "feature/KON-42", SPEC)));
        assertTrue(e.getMessage().contains("konductroStartBranch"), e.getMessage());
    }

    @Test
    void pushSpecRefusesBadSpecsBeforeAnyCall() throws Exception {
        sandbox().clearExchanges();
        byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(expect(InvalidInputException.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", "feature/KON-42", latin1)))
                .getMessage().contains("UTF-8"));
        byte[] big = new byte[KonductroOperations.MAX_SPEC_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertTrue(expect(InvalidInputException.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", "feature/KON-42", big)))
                .getMessage().contains("1 MiB"));
        expect(InvalidInputException.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", "feature/KON-42", new byte[0])));
        expect(InvalidInputException.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", "feature/KON-42", "\ud800")));
        expect(InvalidInputException.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "../KON-42", "feature/KON-42", SPEC)));
        expect(InvalidInputException.class, () -> operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", null, SPEC)));
        assertEquals(0, fixture.exchanges().size());
    }

    @Test
    void aSpecOfExactlyOneMebibyteIsAccepted() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42")).branch();
        byte[] limit = new byte[KonductroOperations.MAX_SPEC_BYTES];
        java.util.Arrays.fill(limit, (byte) 'a');
        assertTrue(operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, limit)).changed());
    }

    // openPullRequest

    private String startedBranchWithSpec() throws Exception {
        String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, "KON-42").withSummary("Export CSV")).branch();
        operations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-42", branch, SPEC));
        return branch;
    }

    @Test
    void openPullRequestWithChecklistAndReviewerInTwoRequestsThenReturnsItOnRerun() throws Exception {
        String branch = startedBranchWithSpec();
        PullRequestResult[] result = new PullRequestResult[1];
        int requests = fixture.requestsDuring(() -> result[0] = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)
                .withDescription("Adds CSV export.")
                .withAcceptanceCriteria(List.of("Button on the list page", "One row per widget"))
                .withReviewers(List.of(bobUuid)).withCloseSourceBranch(true)));
        assertEquals(2, requests);
        assertTrue(result[0].created());
        assertEquals("OPEN", result[0].state());
        assertEquals(List.of(bobUuid), result[0].reviewersAdded());
        assertEquals("https://bitbucket.org/acme-team/widgets/pull-requests/" + result[0].id(), result[0].url());
        SandboxPullRequest pr = sandbox().pullRequests("acme-team", "widgets").get(0);
        assertEquals("KON-42: export csv", pr.title());
        assertTrue(pr.description().endsWith("## Acceptance criteria\n\nEach criterion is also a task of this pull request: "
                + "resolve it there when it is met.\n\n- [ ] Button on the list page\n- [ ] One row per widget"), pr.description());
        assertEquals("main", pr.destinationBranch());
        assertTrue(pr.closeSourceBranch());

        PullRequestResult[] again = new PullRequestResult[1];
        assertEquals(1, fixture.requestsDuring(() -> again[0] = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)
                .withTitle("A new title").withReviewers(List.of(bobUuid)).withCloseSourceBranch(true))));
        assertFalse(again[0].created());
        assertEquals(result[0].id(), again[0].id());
        assertEquals(1, sandbox().pullRequests("acme-team", "widgets").size());
        assertEquals("KON-42: export csv", sandbox().pullRequests("acme-team", "widgets").get(0).title(), "title not overwritten");
    }

    @Test
    void theAuthorIsNeverAReviewer() throws Exception {
        String branch = startedBranchWithSpec();
        PullRequestResult result = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)
                .withReviewers(List.of(alice.accountUuid(), bobUuid)));
        assertEquals(List.of(bobUuid), result.reviewersAdded());
        assertEquals(List.of(new SkippedReviewer(alice.accountUuid(), "is the author of the pull request")), result.reviewersSkipped());
        assertEquals(1, fixture.exchanges().stream().filter(x -> x.method().equals("POST") && x.path().endsWith("/pullrequests")).count());
    }

    @Test
    void aRefusedReviewerIsLeftOffAndReported() throws Exception {
        String branch = startedBranchWithSpec();
        String carolUuid = sandbox().addUser("carol@else.test", "Carol Out").uuid();
        PullRequestResult result = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)
                .withReviewers(List.of(bobUuid, carolUuid)));
        assertTrue(result.created());
        assertEquals(List.of(bobUuid), result.reviewersAdded());
        assertEquals(1, result.reviewersSkipped().size());
        assertEquals(carolUuid, result.reviewersSkipped().get(0).uuid());
        assertTrue(result.reviewersSkipped().get(0).reason().contains("not a member"), result.reviewersSkipped().get(0).reason());
        assertEquals(List.of(bobUuid), sandbox().pullRequests("acme-team", "widgets").get(0).reviewerUuids());
    }

    @Test
    void anAuthorWhoseUuidIsUnknownIsStillLeftOff() throws Exception {
        String branch = startedBranchWithSpec();
        Developer unverified = new Developer(fixture.alice(), "Alice Doe", null);
        PullRequestResult result = operations.openPullRequest(unverified, PullRequestDraft.of(WIDGETS, "KON-42", branch)
                .withReviewers(List.of(alice.accountUuid())));
        assertEquals(List.of(), result.reviewersAdded());
        assertTrue(result.reviewersSkipped().get(0).reason().contains("is the author"), result.reviewersSkipped().toString());
    }

    @Test
    void severalRefusedReviewersAreEachFoundAndTheGoodOnesKept() throws Exception {
        String branch = startedBranchWithSpec();
        String out1 = sandbox().addUser("out1@else.test", "Out One").uuid();
        String out2 = sandbox().addUser("out2@else.test", "Out Two").uuid();
        PullRequestResult result = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)
                .withReviewers(List.of(out1, bobUuid, out2)));
        assertTrue(result.created());
        assertEquals(List.of(bobUuid), result.reviewersAdded());
        assertEquals(List.of(out1, out2), result.reviewersSkipped().stream().map(SkippedReviewer::uuid).toList());
        assertTrue(result.reviewersSkipped().get(0).reason().contains("Out One"), result.reviewersSkipped().toString());
        assertTrue(result.reviewersSkipped().get(1).reason().contains("Out Two"), result.reviewersSkipped().toString());
        assertEquals(List.of(bobUuid), sandbox().pullRequests("acme-team", "widgets").get(0).reviewerUuids());
        // all three; without Out One (refused for Out Two); then, without bob still Out Two; without Out Two: created
        assertEquals(4, fixture.exchanges().stream().filter(x -> x.method().equals("POST") && x.path().endsWith("/pullrequests")).count());
    }

    @Test
    void whenNoSingleReviewerIsToBlameAllAreLeftOff() throws Exception {
        String branch = startedBranchWithSpec();
        String gone1 = sandbox().addUser("old1@acme.test", "Old One").uuid();
        String gone2 = sandbox().addUser("old2@acme.test", "Old Two").uuid();
        sandbox().addMember("acme-team", "old1@acme.test", "member");
        sandbox().addMember("acme-team", "old2@acme.test", "member");
        sandbox().deactivate("old1@acme.test");
        sandbox().deactivate("old2@acme.test");
        PullRequestResult result = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)
                .withReviewers(List.of(gone1, bobUuid, gone2)));
        assertTrue(result.created());
        assertEquals(List.of(), result.reviewersAdded());
        assertEquals(3, result.reviewersSkipped().size());
        assertTrue(result.reviewersSkipped().stream().allMatch(r -> r.reason().contains("without saying whom")),
                result.reviewersSkipped().toString());
        assertEquals(1, sandbox().pullRequests("acme-team", "widgets").size());
    }

    @Test
    void openPullRequestAfterAnUnansweredCreateMakesNoSecondPullRequest() throws Exception {
        String branch = startedBranchWithSpec();
        sandbox().inject("POST", ".*/pullrequests", Fault.dropAfterProcessing());
        PullRequestResult result = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)
                .withReviewers(List.of(bobUuid)));
        assertTrue(result.created());
        assertEquals(1, sandbox().pullRequests("acme-team", "widgets").size());
        assertEquals(result.id(), sandbox().pullRequests("acme-team", "widgets").get(0).id());
    }

    @Test
    void openPullRequestRerunAfterAFailureFinishesTheJob() throws Exception {
        String branch = startedBranchWithSpec();
        sandbox().inject("POST", ".*/pullrequests", Fault.status(500));
        expect(BitbucketException.ServerError.class, () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)));
        assertTrue(operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)).created());
        assertEquals(1, sandbox().pullRequests("acme-team", "widgets").size());
    }

    @Test
    void openPullRequestFromAMissingBranchReportsBitbucketsReason() {
        BitbucketException.BadRequest e = expect(BitbucketException.BadRequest.class, () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", "feature/KON-42")));
        assertTrue(e.getMessage().contains("branch not found"), e.getMessage());
    }

    @Test
    void openPullRequestRefusesBadInputBeforeAnyCall() throws Exception {
        sandbox().clearExchanges();
        expect(InvalidInputException.class, () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", "feature/KON-42")
                .withReviewers(List.of("bob"))));
        expect(InvalidInputException.class, () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", "main")
                .withDestination("main")));
        expect(InvalidInputException.class, () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", "feature/KON-42")
                .withAcceptanceCriteria(List.of("ok", ""))));
        expect(InvalidInputException.class, () -> operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", "feature/KON 42")));
        assertEquals(0, fixture.exchanges().size());
    }

    // pullRequestStatus

    @Test
    void statusByIdAndByBranchInOneRequest() throws Exception {
        String branch = startedBranchWithSpec();
        long id = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)
                .withTitle("Export CSV")).id();
        PullRequestStatus[] status = new PullRequestStatus[1];
        assertEquals(1, fixture.requestsDuring(() -> status[0] = operations.pullRequestStatus(alice, PullRequestLookup.byId(WIDGETS, id))));
        assertEquals("OPEN", status[0].state());
        assertEquals("KON-42: Export CSV", status[0].title());
        assertNull(status[0].mergeCommit());
        assertTrue(status[0].updatedOn().matches("\\d{4}-\\d\\d-\\d\\dT.*"), status[0].updatedOn());

        sandbox().setPullRequestState("acme-team", "widgets", id, "MERGED");
        assertEquals(1, fixture.requestsDuring(() -> status[0] = operations.pullRequestStatus(alice, PullRequestLookup.bySourceBranch(WIDGETS, branch))));
        assertEquals("MERGED", status[0].state());
        assertTrue(status[0].mergeCommit() != null && status[0].mergeCommit().length() >= 12, String.valueOf(status[0].mergeCommit()));
    }

    @Test
    void declinedAndSupersededAreReported() throws Exception {
        String branch = startedBranchWithSpec();
        long id = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch)).id();
        sandbox().setPullRequestState("acme-team", "widgets", id, "DECLINED");
        assertEquals("DECLINED", operations.pullRequestStatus(alice, PullRequestLookup.byId(WIDGETS, id)).state());
        sandbox().setPullRequestState("acme-team", "widgets", id, "SUPERSEDED");
        assertEquals("SUPERSEDED", operations.pullRequestStatus(alice, PullRequestLookup.bySourceBranch(WIDGETS, branch)).state());
        // A declined pull request is no longer open: opening again makes a new one.
        PullRequestResult reopened = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-42", branch));
        assertTrue(reopened.created());
        assertNotEquals(id, reopened.id());
    }

    @Test
    void statusOfSomethingMissingIsNotFound() {
        expect(BitbucketException.NotFound.class, () -> operations.pullRequestStatus(alice, PullRequestLookup.byId(WIDGETS, 999L)));
        BitbucketException.NotFound e = expect(BitbucketException.NotFound.class,
                () -> operations.pullRequestStatus(alice, PullRequestLookup.bySourceBranch(WIDGETS, "feature/none")));
        assertTrue(e.getMessage().contains("No pull request from branch 'feature/none'"), e.getMessage());
    }

    @Test
    void statusNeedsExactlyOneOfIdAndBranch() throws Exception {
        sandbox().clearExchanges();
        expect(InvalidInputException.class, () -> operations.pullRequestStatus(alice, new PullRequestLookup(WIDGETS, null, null)));
        expect(InvalidInputException.class, () -> operations.pullRequestStatus(alice, new PullRequestLookup(WIDGETS, 1L, "feature/x")));
        expect(InvalidInputException.class, () -> operations.pullRequestStatus(alice, PullRequestLookup.byId(WIDGETS, 0L)));
        assertEquals(0, fixture.exchanges().size());
    }

    /** Issue 16, item 7: the caches people fill stay bounded, however many repositories and users come by. */
    @Test
    void theMainBranchCacheAndTheListingLocksStayBounded() throws Exception {
        KonductroOperations small = new KonductroOperations(fixture.client(), KonductroOperations.DEFAULT_MAIN_BRANCH_TTL,
                java.time.Duration.ofMinutes(10), 20);
        for (int i = 0; i < 30; i++) {
            String repo = "repo-" + i;
            sandbox().addRepository("acme-team", repo, "main", true);
            small.startBranch(alice, NewBranch.of(RepositoryRef.of("acme-team", repo), "KON-1"));
        }
        assertEquals(20, small.mainBranchesKept(), "30 repositories, the 20 used last kept (1,000 in Jenkins)");

        RepositoryListings listings = new RepositoryListings(fixture.client());
        for (int i = 0; i < RepositoryListings.MAX_ENTRIES + 30; i++) {
            listings.slugs("user-" + i, fixture.alice());
        }
        assertEquals(RepositoryListings.MAX_ENTRIES, listings.locksKept());
    }

    @Test
    void aBoundedMapForgetsTheLeastRecentlyUsed() {
        BoundedMap<String, Integer> map = new BoundedMap<>(2);
        map.put("a", 1);
        map.put("b", 2);
        assertEquals(1, map.get("a"));
        map.put("c", 3);
        assertEquals(null, map.get("b"), "b was used least recently");
        assertEquals(2, map.size());
        map.remove("a", 9);
        assertEquals(1, map.get("a"), "removed only while it still maps to the value given");
    }
}
