package io.jenkins.plugins.konductro.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.sandbox.Fault;
import io.jenkins.plugins.konductro.sandbox.SandboxPullRequest;
import io.jenkins.plugins.konductro.usecases.ReviewerDirectory.ReviewerAccount;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import io.jenkins.plugins.konductro.usecases.TestBuild;
import io.jenkins.plugins.konductro.usecases.VerifiedAccount;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The four steps, run as Pipeline would run them, against the Bitbucket Cloud sandbox. */
class KonductroStepsTest {
    private static final String REPO = "acme-team/widgets";

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private BitbucketSandbox sandbox;
    private String aliceUuid;
    private String bobUuid;
    private TestBuild build;

    @BeforeEach
    void aliceRunsTheBuild() {
        sandbox = fixture.sandbox();
        aliceUuid = sandbox.user("alice@acme.test").uuid();
        bobUuid = sandbox.user("bob@acme.test").uuid();
        build = new TestBuild(new KonductroOperations(fixture.client()), "alice")
                .owns("alice-acme", "acme-team", "alice@acme.test", sandbox.demoToken("alice"));
        build.accounts.put("bob", ReviewerAccount.of(bobUuid));
    }

    @AfterEach
    void theBuildLogGoesToTheLeakSearch() {
        build.log();
    }

    @Test
    void theWholeTicketFlowWithBranchRememberedBetweenSteps(@TempDir Path workspace) throws Exception {
        StartBranchStep start = in(REPO, new StartBranchStep("KON-42"));
        start.setSummary("Export widgets as CSV");
        Map<String, Object> branch = start.execute(build.useCases(), build);
        assertEquals("feature/KON-42-export-widgets-as-csv", branch.get("branch"));
        assertEquals(true, branch.get("created"));
        assertEquals(sandbox.branchHead("acme-team", "widgets", "feature/KON-42-export-widgets-as-csv"), branch.get("commit"));
        assertEquals(List.of("branch", "commit", "created", "url", "repository"), List.copyOf(branch.keySet()));
        assertEquals(Map.of("provider", "bitbucket", "workspace", "acme-team", "repo", "widgets"), branch.get("repository"));

        Files.writeString(workspace.resolve("KON-42.md"), "# Export widgets as CSV\n", StandardCharsets.UTF_8);
        PushSpecStep push = in(REPO, new PushSpecStep("KON-42"));
        push.setFile("KON-42.md");
        Map<String, Object> spec = push.execute(build.useCases(), build.inWorkspace(workspace));
        assertEquals(".tickets/KON-42.md", spec.get("path"));
        assertEquals(true, spec.get("changed"));
        assertEquals("# Export widgets as CSV\n",
                sandbox.fileAt("acme-team", "widgets", (String) spec.get("commit"), ".tickets/KON-42.md"));
        assertEquals("Alice Doe <alice@acme.test>", sandbox.commitAuthor("acme-team", "widgets", (String) spec.get("commit")));

        OpenPullRequestStep open = in(REPO, new OpenPullRequestStep("KON-42"));
        open.setAcceptanceCriteria(List.of("Exports every widget", "Header row\nUTF-8"));
        open.setReviewers(List.of("bob", "carol", "alice"));
        Map<String, Object> pr = open.execute(build.useCases(), build);
        assertEquals(true, pr.get("created"));
        assertEquals("OPEN", pr.get("state"));
        assertEquals(List.of("bob"), pr.get("reviewersAdded"));
        assertEquals(List.of("carol", "alice"), pr.get("reviewersSkipped"));
        SandboxPullRequest opened = sandbox.pullRequests("acme-team", "widgets").get(0);
        assertEquals(List.of(bobUuid), opened.reviewerUuids());
        assertTrue(opened.description().contains("- [ ] Header row\n- [ ] UTF-8"), opened.description());
        List<String> criteria = List.of("Exports every widget", "Header row", "UTF-8");
        assertEquals(criteria, pr.get("tasksCreated"));
        assertEquals(List.of(), pr.get("tasksExisting"));
        assertEquals(criteria, List.copyOf(sandbox.tasks("acme-team", "widgets", opened.id()).keySet()));
        sandbox.setTaskState("acme-team", "widgets", opened.id(), "Header row", true);

        PullRequestStatusStep status = in(REPO, new PullRequestStatusStep());
        status.setTicket("KON-42");
        Map<String, Object> state = status.execute(build.useCases(), build);
        assertEquals(pr.get("id"), state.get("id"));
        assertEquals("OPEN", state.get("state"));
        assertEquals(List.of("id", "state", "url", "title", "updatedOn", "mergeCommit", "acceptance", "repository"),
                List.copyOf(state.keySet()));
        assertEquals(Map.of("total", 3, "resolved", 1, "open", List.of("Exports every widget", "UTF-8")), state.get("acceptance"));

        String log = build.log();
        assertTrue(log.contains("Created branch feature/KON-42-export-widgets-as-csv in acme-team/widgets"), log);
        assertTrue(log.contains("Reviewer carol not added: has no credential."), log);
        assertTrue(log.contains("Reviewer alice not added: is the author of the pull request."), log);
        assertTrue(log.contains("Opened pull request #" + pr.get("id") + " feature/KON-42-export-widgets-as-csv"), log);
        assertTrue(log.contains("https://bitbucket.org/acme-team/widgets/pull-requests/" + pr.get("id")), log);
        for (Map<String, Object> result : List.of(branch, spec, pr, state)) {
            assertPipelineValues(result);
        }
    }

    @Test
    void theStepsAddNoRequestsToTheOperations() throws Exception {
        PushSpecStep push = in(REPO, new PushSpecStep("KON-6"));
        push.setSpec("# Spec\n");
        PullRequestStatusStep status = in(REPO, new PullRequestStatusStep());
        status.setTicket("KON-6");
        // The operations' own minimum, as BENCHMARKS.md counts them, and one verification of the token per build.
        assertEquals(1 + 3, fixture.requestsDuring(() -> in(REPO, new StartBranchStep("KON-6")).execute(build.useCases(), build)));
        assertEquals(4, fixture.requestsDuring(() -> push.execute(build.useCases(), build)));
        assertEquals(2, fixture.requestsDuring(() -> in(REPO, new OpenPullRequestStep("KON-6")).execute(build.useCases(), build)));
        assertEquals(2, fixture.requestsDuring(() -> status.execute(build.useCases(), build)), "the state, and the tasks");
    }

    @Test
    void rerunningEveryStepFinishesTheJobWithoutDuplicates() throws Exception {
        for (int run = 1; run <= 2; run++) {
            Map<String, Object> branch = in(REPO, new StartBranchStep("KON-7")).execute(build.useCases(), build);
            PushSpecStep push = in(REPO, new PushSpecStep("KON-7"));
            push.setSpec("# Spec\n");
            Map<String, Object> spec = push.execute(build.useCases(), build);
            Map<String, Object> pr = in(REPO, new OpenPullRequestStep("KON-7")).execute(build.useCases(), build);
            assertEquals(run == 1, branch.get("created"));
            assertEquals(run == 1, spec.get("changed"));
            assertEquals(run == 1, pr.get("created"));
        }
        assertEquals(1, sandbox.pullRequests("acme-team", "widgets").size());
    }

    @Test
    void aMergedPullRequestIsReportedById() throws Exception {
        in(REPO, new StartBranchStep("KON-8")).execute(build.useCases(), build);
        PushSpecStep push = in(REPO, new PushSpecStep("KON-8"));
        push.setSpec("# Spec\n");
        push.execute(build.useCases(), build);
        Map<String, Object> pr = in(REPO, new OpenPullRequestStep("KON-8")).execute(build.useCases(), build);
        sandbox.setPullRequestState("acme-team", "widgets", ((Integer) pr.get("id")).longValue(), "MERGED");
        PullRequestStatusStep status = in(REPO, new PullRequestStatusStep());
        status.setId((Integer) pr.get("id"));
        assertEquals("MERGED", status.execute(build.useCases(), build).get("state"));
    }

    @Test
    void aReviewerBitbucketRefusesIsLeftOffAndNamedInTheLog() throws Exception {
        sandbox.deactivate("bob@acme.test");
        in(REPO, new StartBranchStep("KON-5")).execute(build.useCases(), build);
        PushSpecStep push = in(REPO, new PushSpecStep("KON-5"));
        push.setSpec("# Spec\n");
        push.execute(build.useCases(), build);
        OpenPullRequestStep open = in(REPO, new OpenPullRequestStep("KON-5"));
        open.setReviewers(List.of("bob"));
        Map<String, Object> pr = open.execute(build.useCases(), build);
        assertEquals(true, pr.get("created"));
        assertEquals(List.of(), pr.get("reviewersAdded"));
        assertEquals(List.of("bob"), pr.get("reviewersSkipped"));
        assertTrue(build.log().contains("Reviewer bob not added: refused by Bitbucket: Malformed reviewers list."), build.log());
    }

    @Test
    void badInputFailsBeforeAnyRequest(@TempDir Path workspace) throws Exception {
        PushSpecStep neither = in(REPO, new PushSpecStep("KON-1"));
        neither.setBranch("feature/KON-1");
        PushSpecStep both = in(REPO, new PushSpecStep("KON-1"));
        both.setBranch("feature/KON-1");
        both.setSpec("# x");
        both.setFile("x.md");
        PushSpecStep fileOutsideNode = in(REPO, new PushSpecStep("KON-1"));
        fileOutsideNode.setBranch("feature/KON-1");
        fileOutsideNode.setFile("KON-1.md");
        PushSpecStep noBranch = in(REPO, new PushSpecStep("KON-1"));
        noBranch.setSpec("# x");
        PullRequestStatusStep nothingToFind = in(REPO, new PullRequestStatusStep());

        assertFailsWithoutRequests(neither, "give either spec (the Markdown text) or file (a path in the workspace), not neither");
        assertFailsWithoutRequests(both, "not both");
        assertFailsWithoutRequests(fileOutsideNode, "Call the step inside node");
        assertFailsWithoutRequests(noBranch, "give branch, or run konductroStartBranch for acme-team/widgets and KON-1");
        assertFailsWithoutRequests(nothingToFind, "give id (the pull request number), branch (its source branch) or ticket");
        assertFailsWithoutRequests(in("https://bitbucket.example.com/scm/acme/widgets.git", new StartBranchStep("KON-1")),
                "Bitbucket Cloud");
        assertFailsWithoutRequests(in(REPO, new StartBranchStep("not a ticket")), "ticket");
        assertEquals(List.of(), build.tokenReads, "no token is read for a step that cannot run");
    }

    @Test
    void aBuildRunningAsSystemHasNoTokenAndSaysHowToGetOne() throws Exception {
        TestBuild asSystem = new TestBuild(new KonductroOperations(fixture.client()), null);
        StepFailure failure = assertFailsWithoutRequests(asSystem, in(REPO, new StartBranchStep("KON-1")), "runs as SYSTEM");
        assertTrue(failure.getMessage().contains("Run as User who Triggered Build"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Credentials build parameter"), failure.getMessage());
    }

    @Test
    void aCredentialsParameterWorksWhenTheBuildRunsAsSystem() throws Exception {
        TestBuild asSystem = new TestBuild(new KonductroOperations(fixture.client()), null);
        asSystem.parameters.put("alice-param", asSystem.parameter("alice-param", "acme-team", "alice@acme.test",
                sandbox.demoToken("alice")));
        StartBranchStep start = in(REPO, new StartBranchStep("KON-3"));
        start.setCredentialsId("alice-param");
        assertEquals(true, start.execute(asSystem.useCases(), asSystem).get("created"));
        assertEquals(List.of("alice-param"), asSystem.tokenReads);
    }

    @Test
    void bitbucketRefusalsFailTheStepWithTheirMessageOnly() throws Exception {
        sandbox.revoke(sandbox.demoToken("alice"));
        StepFailure failure = SecretLeakWatch.expect(StepFailure.class,
                () -> in(REPO, new StartBranchStep("KON-1")).execute(build.useCases(), build));
        assertTrue(failure.getMessage().contains("401") || failure.getMessage().toLowerCase().contains("token"),
                failure.getMessage());
        assertNull(failure.getCause(), "the log shows the message, not a chain of causes");

        TestBuild bobsBuild = new TestBuild(new KonductroOperations(fixture.client()), "bob")
                .owns("bob-acme", "acme-team", "bob@acme.test", sandbox.demoToken("bob"));
        StepFailure missingRepo = SecretLeakWatch.expect(StepFailure.class,
                () -> in("acme-team/no-such-repo", new StartBranchStep("KON-1")).execute(bobsBuild.useCases(), bobsBuild));
        assertTrue(missingRepo.getMessage().contains("acme-team/no-such-repo"), missingRepo.getMessage());
    }

    @Test
    void abortingTheBuildInterruptsTheStepInsteadOfFailingItWithAMessage() throws Exception {
        sandbox.inject("GET", ".*", Fault.slow(Duration.ofSeconds(20)));
        Thread step = Thread.currentThread();
        Thread abort = new Thread(() -> {
            try {
                Thread.sleep(150);
                step.interrupt();
            } catch (InterruptedException e) {
                // the step ended first
            }
        });
        long start = System.nanoTime();
        abort.start();
        try {
            SecretLeakWatch.expect(InterruptedIOException.class, () -> in(REPO, new StartBranchStep("KON-1")).execute(build.useCases(), build));
        } finally {
            Thread.interrupted();
            abort.join();
        }
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "the call was cancelled");
    }

    @Test
    void aMissingScopeNamesTheScope() throws Exception {
        var readOnly = fixture.user("dora@acme.test", "Dora Read", true, BitbucketSandbox.SCOPE_READ_USER,
                BitbucketSandbox.SCOPE_READ_WORKSPACE, BitbucketSandbox.SCOPE_READ_REPOSITORY);
        TestBuild dora = new TestBuild(new KonductroOperations(fixture.client()), "dora")
                .owns("dora-acme", "acme-team", "dora@acme.test", readOnly.token());
        StepFailure failure = SecretLeakWatch.expect(StepFailure.class, () -> in(REPO, new StartBranchStep("KON-1")).execute(dora.useCases(), dora));
        assertTrue(failure.getMessage().contains("write:repository:bitbucket"), failure.getMessage());
    }

    @Test
    void theTokenIsVerifiedBeforeUseAndItsOwnersAccountRecorded() throws Exception {
        sandbox.clearExchanges();
        in(REPO, new StartBranchStep("KON-9")).execute(build.useCases(), build);
        assertEquals("/user/workspaces/acme-team/permission", sandbox.exchanges().get(0).path(),
                "who the token belongs to is asked before anything else, whatever the credential claims");
        assertEquals(List.of(new VerifiedAccount("acme-team", aliceUuid, "Alice Doe")), build.lookups().recorded,
                "alice's own verified token records her account, for other people's reviewer lists");
        PushSpecStep push = in(REPO, new PushSpecStep("KON-9"));
        push.setSpec("# s\n");
        String commit = (String) push.execute(build.useCases(), build).get("commit");
        assertEquals("Alice Doe <alice@acme.test>", sandbox.commitAuthor("acme-team", "widgets", commit),
                "the display name comes from verification");

        TestBuild asSystem = new TestBuild(new KonductroOperations(fixture.client()), null);
        asSystem.parameters.put("p", asSystem.parameter("p", "acme-team", "alice@acme.test", sandbox.demoToken("alice")));
        StartBranchStep withParameter = in(REPO, new StartBranchStep("KON-10"));
        withParameter.setCredentialsId("p");
        withParameter.execute(asSystem.useCases(), asSystem);
        assertEquals(List.of(), asSystem.lookups().recorded, "a parameter's credential is nobody's own as far as the build knows");
        asSystem.log();
    }

    @Test
    void theStartedBranchIsSavedWithTheBuildOnceAndThePullRequestGoesToTheMainBranchItCameFrom() throws Exception {
        in(REPO, new StartBranchStep("KON-12")).execute(build.useCases(), build);
        in(REPO, new StartBranchStep("KON-12")).execute(build.useCases(), build);
        assertEquals(1, build.saves, "saved when first remembered, so a restart mid-build keeps it");
        PushSpecStep push = in(REPO, new PushSpecStep("KON-12"));
        push.setSpec("# Spec\n");
        push.execute(build.useCases(), build);
        sandbox.commitDirectly("acme-team", "widgets", "develop", "d.txt", "d");
        sandbox.setMainBranch("acme-team", "widgets", "develop");
        in(REPO, new OpenPullRequestStep("KON-12")).execute(build.useCases(), build);
        assertEquals("main", sandbox.pullRequests("acme-team", "widgets").get(0).destinationBranch(),
                "the branch was started from main, so that is where its pull request goes");
    }

    private StepFailure assertFailsWithoutRequests(KonductroStep step, String messagePart) throws Exception {
        return assertFailsWithoutRequests(build, step, messagePart);
    }

    private StepFailure assertFailsWithoutRequests(TestBuild on, KonductroStep step, String messagePart) throws Exception {
        StepFailure[] failure = new StepFailure[1];
        int requests = fixture.requestsDuring(() -> failure[0] = SecretLeakWatch.expect(StepFailure.class, () -> step.execute(on.useCases(), on)));
        assertTrue(failure[0].getMessage().contains(messagePart), failure[0].getMessage());
        assertEquals(0, requests, "requests made before refusing: " + failure[0].getMessage());
        return failure[0];
    }

    /** Pipeline step values: strings, numbers, booleans, null, lists of those, and maps of those (the repository). */
    @SuppressWarnings("unchecked")
    private static void assertPipelineValues(Map<String, Object> result) {
        for (Object value : result.values()) {
            if (value instanceof Map<?, ?> map) {
                assertInstanceOf(java.io.Serializable.class, map);
                assertPipelineValues((Map<String, Object>) map);
            } else if (value instanceof List<?> list) {
                list.forEach(item -> assertInstanceOf(String.class, item));
            } else if (value != null) {
                assertTrue(value instanceof String || value instanceof Integer || value instanceof Boolean,
                        "not a plain Pipeline value: " + value.getClass());
            }
        }
        assertFalse(result.containsKey(null));
    }

    /** The step with its repository argument, as a script or a form gives it. */
    private static <T extends KonductroStep> T in(String repository, T step) {
        step.setRepository(repository);
        return step;
    }
}
