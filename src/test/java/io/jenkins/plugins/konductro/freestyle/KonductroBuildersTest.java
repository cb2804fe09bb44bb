package io.jenkins.plugins.konductro.freestyle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.sandbox.SandboxPullRequest;
import io.jenkins.plugins.konductro.usecases.JobKind;
import io.jenkins.plugins.konductro.usecases.ReviewerDirectory.ReviewerAccount;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import io.jenkins.plugins.konductro.usecases.TestBuild;
import io.jenkins.plugins.konductro.usecases.Variables;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four freestyle build steps, run as a freestyle build runs them one after the other, against the Bitbucket
 * Cloud sandbox. The build's environment is its parameters plus the {@code KONDUCTRO_*} variables the earlier build
 * steps recorded, as {@code Run.getEnvironment} assembles it from the parameters action and Konductro's action.
 */
class KonductroBuildersTest {
    private static final String REPO = "acme-team/widgets";

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private BitbucketSandbox sandbox;
    private String aliceUuid;
    private TestBuild build;
    private final Map<String, String> parameters = new HashMap<>();

    @BeforeEach
    void aliceRunsAFreestyleBuild() {
        sandbox = fixture.sandbox();
        aliceUuid = sandbox.user("alice@acme.test").uuid();
        build = aliceBuild();
        build.accounts.put("bob", ReviewerAccount.of(sandbox.user("bob@acme.test").uuid()));
    }

    private TestBuild aliceBuild() {
        return new TestBuild(new KonductroOperations(fixture.client()), JobKind.FREESTYLE, "alice")
                .owns("alice-acme", "acme-team", "alice@acme.test", sandbox.demoToken("alice"));
    }

    @AfterEach
    void theBuildLogGoesToTheLeakSearch() {
        build.log();
    }

    /** The build's environment as the build step gets it: the parameters and the earlier steps' variables. */
    private UnaryOperator<String> environment(TestBuild of) {
        Map<String, String> env = new HashMap<>(parameters);
        env.putAll(of.record().variables());
        return Variables.from(env);
    }

    private Map<String, Object> run(KonductroBuilder step) throws Exception {
        return run(build, step);
    }

    private Map<String, Object> run(TestBuild on, KonductroBuilder step) throws Exception {
        return step.execute(on.useCases(), on, environment(on)).toMap();
    }

    @Test
    void aParameterizedFreestyleBuildRunsTheWholeFlowAndSetsItsVariables(@TempDir Path workspace) throws Exception {
        parameters.put("TICKET", "KON-42");
        parameters.put("SUMMARY", "Export widgets as CSV");
        parameters.put("CRITERIA", "Exports every widget\nHeader row");

        StartBranchBuilder start = in(REPO, new StartBranchBuilder("${TICKET}"));
        start.setSummary("${SUMMARY}");
        assertEquals("feature/KON-42-export-widgets-as-csv", run(start).get("branch"));

        Files.writeString(workspace.resolve("KON-42.md"), "# Export widgets as CSV\n", StandardCharsets.UTF_8);
        PushSpecBuilder push = in(REPO, new PushSpecBuilder("${TICKET}"));
        push.setFile("${TICKET}.md");
        Map<String, Object> spec = run(build.inWorkspace(workspace), push);
        assertEquals("# Export widgets as CSV\n",
                sandbox.fileAt("acme-team", "widgets", (String) spec.get("commit"), ".tickets/KON-42.md"));

        OpenPullRequestBuilder open = in(REPO, new OpenPullRequestBuilder("${TICKET}"));
        open.setAcceptanceCriteria("${CRITERIA}\nUTF-8");
        open.setReviewers("bob\ncarol");
        Map<String, Object> pr = run(open);
        assertEquals(List.of("bob"), pr.get("reviewersAdded"));
        assertEquals(List.of("carol"), pr.get("reviewersSkipped"));
        SandboxPullRequest opened = sandbox.pullRequests("acme-team", "widgets").get(0);
        assertTrue(opened.description().contains("- [ ] Exports every widget\n- [ ] Header row\n- [ ] UTF-8"),
                opened.description());

        PullRequestStatusBuilder status = in(REPO, new PullRequestStatusBuilder());
        status.setId("${KONDUCTRO_PR_ID}");
        assertEquals("OPEN", run(status).get("state"));

        Map<String, String> env = build.record().variables();
        assertEquals("feature/KON-42-export-widgets-as-csv", env.get("KONDUCTRO_BRANCH"));
        assertEquals("https://bitbucket.org/acme-team/widgets/branch/feature/KON-42-export-widgets-as-csv",
                env.get("KONDUCTRO_BRANCH_URL"));
        assertEquals("true", env.get("KONDUCTRO_BRANCH_CREATED"));
        assertEquals(".tickets/KON-42.md", env.get("KONDUCTRO_SPEC_PATH"));
        assertEquals(spec.get("commit"), env.get("KONDUCTRO_SPEC_COMMIT"));
        assertEquals("true", env.get("KONDUCTRO_SPEC_CHANGED"));
        assertEquals(String.valueOf(opened.id()), env.get("KONDUCTRO_PR_ID"));
        assertEquals("https://bitbucket.org/acme-team/widgets/pull-requests/" + opened.id(), env.get("KONDUCTRO_PR_URL"));
        assertEquals("OPEN", env.get("KONDUCTRO_PR_STATE"));
        assertEquals("bob", env.get("KONDUCTRO_PR_REVIEWERS_ADDED"));
        assertEquals("carol", env.get("KONDUCTRO_PR_REVIEWERS_SKIPPED"));
        assertEquals(opened.title(), env.get("KONDUCTRO_PR_TITLE"));
        assertFalse(env.containsKey("KONDUCTRO_PR_MERGE_COMMIT"), "an open pull request has no merge commit");
        assertEquals("Exports every widget,Header row,UTF-8", env.get("KONDUCTRO_PR_TASKS_CREATED"));
        assertEquals("", env.get("KONDUCTRO_PR_TASKS_EXISTING"));
        assertEquals("0", env.get("KONDUCTRO_PR_CRITERIA_RESOLVED"));
        assertEquals("3", env.get("KONDUCTRO_PR_CRITERIA_TOTAL"));
        assertEquals("acme-team/widgets", env.get("KONDUCTRO_REPOSITORY"));
        assertEquals("bitbucket", env.get("KONDUCTRO_REPOSITORY_PROVIDER"));

        String log = build.log();
        assertTrue(log.contains("Created branch feature/KON-42-export-widgets-as-csv in acme-team/widgets"), log);
        assertTrue(log.contains("Pushed .tickets/KON-42.md to feature/KON-42-export-widgets-as-csv"), log);
        assertTrue(log.contains("Reviewer carol not added: has no credential."), log);
        assertTrue(log.contains("Pull request #" + opened.id() + " in acme-team/widgets is OPEN"), log);
    }

    @Test
    void aJobThatLinksOneRepositoryLeavesItOutAndTheBuildStepsOptionsReachBitbucket() throws Exception {
        build.links("acme-team/widgets");
        sandbox.addDefaultReviewer("acme-team", "widgets", "bob@acme.test", "repository");
        run(new StartBranchBuilder("KON-8"));
        PushSpecBuilder push = new PushSpecBuilder("KON-8");
        push.setSpec("# Spec\n");
        run(push);
        OpenPullRequestBuilder open = new OpenPullRequestBuilder("KON-8");
        open.setAcceptanceCriteria("Works");
        open.setAcceptanceTasks(false);
        open.setDefaultReviewers(true);
        Map<String, Object> pr = run(open);
        assertEquals(List.of("Bob Stone " + sandbox.user("bob@acme.test").uuid()), pr.get("defaultReviewersAdded"));
        assertEquals(List.of(), pr.get("tasksCreated"));
        assertEquals(Map.of(), sandbox.tasks("acme-team", "widgets", ((Integer) pr.get("id")).longValue()));
        assertEquals("acme-team/widgets", build.record().variables().get("KONDUCTRO_REPOSITORY"));

        StepFailure other = assertFailsWithoutRequests(build, in("acme-team/gadgets", new StartBranchBuilder("KON-9")),
                "is not linked to this job");
        assertTrue(other.getMessage().startsWith("Konductro: start the ticket's branch: "), other.getMessage());
    }

    @Test
    void rerunningTheBuildAfterAFailureFinishesTheWorkWithoutDuplicates() throws Exception {
        sandbox.inject("POST", ".*/pullrequests", io.jenkins.plugins.konductro.sandbox.Fault.status(500));
        for (int attempt = 1; attempt <= 2; attempt++) {
            TestBuild rerun = attempt == 1 ? build : aliceBuild();
            Map<String, Object> branch = run(rerun, in(REPO, new StartBranchBuilder("KON-7")));
            PushSpecBuilder push = in(REPO, new PushSpecBuilder("KON-7"));
            push.setSpec("# Spec\n");
            Map<String, Object> spec = run(rerun, push);
            assertEquals(attempt == 1, branch.get("created"));
            assertEquals(attempt == 1, spec.get("changed"));
            if (attempt == 1) {
                StepFailure failure = SecretLeakWatch.expect(StepFailure.class,
                        () -> run(rerun, in(REPO, new OpenPullRequestBuilder("KON-7"))));
                assertTrue(failure.getMessage().contains("500"), failure.getMessage());
                assertEquals(0, sandbox.pullRequests("acme-team", "widgets").size());
            } else {
                assertEquals(true, run(rerun, in(REPO, new OpenPullRequestBuilder("KON-7"))).get("created"));
            }
            rerun.log();
        }
        assertEquals(1, sandbox.pullRequests("acme-team", "widgets").size());
    }

    @Test
    void eachFailureFailsTheBuildWithItsMessageOnly() throws Exception {
        StepFailure noToken = assertFailsWithoutRequests(
                new TestBuild(new KonductroOperations(fixture.client()), JobKind.FREESTYLE, null),
                in(REPO, new StartBranchBuilder("KON-1")), "runs as SYSTEM");
        assertTrue(noToken.getMessage().contains("Credentials build parameter"), noToken.getMessage());

        PullRequestStatusBuilder notANumber = in(REPO, new PullRequestStatusBuilder());
        notANumber.setId("${PR}");
        parameters.put("PR", "#12");
        assertFailsWithoutRequests(build, notANumber, "Pull request id '#12' is not a number");
        assertFailsWithoutRequests(build, in(REPO, new PullRequestStatusBuilder()),
                "Konductro: read the pull request's status: give id (the pull request number), branch (its source branch) "
                        + "or ticket (after Konductro: start the ticket's branch in this build).");
        assertFailsWithoutRequests(build, in(REPO, new PushSpecBuilder("KON-1")),
                "Konductro: push the ticket's spec: give either spec (the Markdown text) or file");
        PushSpecBuilder noBranch = in(REPO, new PushSpecBuilder("KON-1"));
        noBranch.setSpec("# x");
        assertFailsWithoutRequests(build, noBranch, "Konductro: push the ticket's spec: give branch, or run "
                + "Konductro: start the ticket's branch for acme-team/widgets and KON-1 earlier in this build.");
        assertFailsWithoutRequests(build, in("https://bitbucket.example.com/scm/acme/widgets.git", new StartBranchBuilder("KON-1")),
                "Bitbucket Cloud");
        parameters.put("TICKET", "kon-1");
        assertFailsWithoutRequests(build, in(REPO, new StartBranchBuilder("${TICKET}")), "kon-1");
        assertEquals(List.of(), build.tokenReads, "no token is read for a build step that cannot run");

        StepFailure missingRepo = SecretLeakWatch.expect(StepFailure.class,
                () -> run(in("acme-team/no-such-repo", new StartBranchBuilder("KON-1"))));
        assertTrue(missingRepo.getMessage().contains("acme-team/no-such-repo"), missingRepo.getMessage());
        assertNull(missingRepo.getCause(), "the log shows the message, not a chain of causes");

        var readOnly = fixture.user("dora@acme.test", "Dora Read", true, BitbucketSandbox.SCOPE_READ_USER,
                BitbucketSandbox.SCOPE_READ_WORKSPACE, BitbucketSandbox.SCOPE_READ_REPOSITORY);
        TestBuild dora = new TestBuild(new KonductroOperations(fixture.client()), JobKind.FREESTYLE, "dora")
                .owns("dora-acme", "acme-team", "dora@acme.test", readOnly.token());
        StepFailure scope = SecretLeakWatch.expect(StepFailure.class, () -> run(dora, in(REPO, new StartBranchBuilder("KON-1"))));
        assertTrue(scope.getMessage().contains("write:repository:bitbucket"), scope.getMessage());

        sandbox.revoke(sandbox.demoToken("alice"));
        StepFailure revoked = SecretLeakWatch.expect(StepFailure.class, () -> run(in(REPO, new StartBranchBuilder("KON-1"))));
        assertTrue(revoked.getMessage().contains("401"), revoked.getMessage());
    }

    @Test
    void onlyKnownBracedVariablesAreExpandedAndABlankOneCountsAsNotGiven() throws Exception {
        parameters.put("NEW_BRANCH", "");
        parameters.put("WHO", "bob");
        run(in(REPO, new StartBranchBuilder("KON-11")));
        PushSpecBuilder push = in(REPO, new PushSpecBuilder("KON-11"));
        push.setBranch("${NEW_BRANCH}");
        push.setSpec("Run `echo $HOME $$ ${UNKNOWN}` for ${WHO}\n");
        Map<String, Object> spec = run(push);
        assertEquals("Run `echo $HOME $$ ${UNKNOWN}` for bob\n",
                sandbox.fileAt("acme-team", "widgets", (String) spec.get("commit"), ".tickets/KON-11.md"),
                "an empty ${NEW_BRANCH} means the remembered branch; shell snippets reach Bitbucket as written");
    }

    @Test
    void theBuildStepsAddNoRequestsToTheOperations() throws Exception {
        PushSpecBuilder push = in(REPO, new PushSpecBuilder("KON-6"));
        push.setSpec("# Spec\n");
        PullRequestStatusBuilder status = in(REPO, new PullRequestStatusBuilder());
        status.setTicket("KON-6");
        // The operations' own minimum, as BENCHMARKS.md counts them, and one verification of the token per build.
        assertEquals(1 + 3, fixture.requestsDuring(() -> run(in(REPO, new StartBranchBuilder("KON-6")))));
        assertEquals(4, fixture.requestsDuring(() -> run(push)));
        assertEquals(2, fixture.requestsDuring(() -> run(in(REPO, new OpenPullRequestBuilder("KON-6")))));
        assertEquals(2, fixture.requestsDuring(() -> run(status)), "the state, and the tasks for the acceptance progress");
    }

    @Test
    void aCredentialsParameterIsPassedByNameAndNotExpanded() throws Exception {
        TestBuild asSystem = new TestBuild(new KonductroOperations(fixture.client()), JobKind.FREESTYLE, null);
        asSystem.parameters.put("${KONDUCTRO_TOKEN}", asSystem.parameter("alice-param", "acme-team", "alice@acme.test",
                sandbox.demoToken("alice")));
        parameters.put("KONDUCTRO_TOKEN", "alice-param"); // the parameter's value: the chosen credential's id
        StartBranchBuilder start = in(REPO, new StartBranchBuilder("KON-3"));
        start.setCredentialsId("${KONDUCTRO_TOKEN}");
        assertEquals(true, run(asSystem, start).get("created"));
        assertEquals(List.of("alice-param"), asSystem.tokenReads);
        asSystem.log();
    }

    private StepFailure assertFailsWithoutRequests(TestBuild on, KonductroBuilder step, String messagePart) throws Exception {
        StepFailure[] failure = new StepFailure[1];
        int requests = fixture.requestsDuring(() -> failure[0] = SecretLeakWatch.expect(StepFailure.class, () -> run(on, step)));
        assertTrue(failure[0].getMessage().contains(messagePart), failure[0].getMessage());
        assertEquals(0, requests, "requests made before refusing: " + failure[0].getMessage());
        on.log();
        return failure[0];
    }

    /** The step with its repository argument, as a script or a form gives it. */
    private static <T extends KonductroBuilder> T in(String repository, T step) {
        step.setRepository(repository);
        return step;
    }

    /**
     * Pipeline's Snippet Generator lists every {@code SimpleBuildStep} builder under "General Build Step": the freestyle
     * build steps are not one, so a Pipeline user is offered the four Pipeline steps alone.
     */
    @Test
    void theFreestyleBuildStepsAreNotOfferedToPipeline() {
        for (Class<?> builder : List.of(StartBranchBuilder.class, PushSpecBuilder.class, OpenPullRequestBuilder.class,
                PullRequestStatusBuilder.class)) {
            for (Class<?> type = builder; type != null; type = type.getSuperclass()) {
                for (Class<?> implemented : type.getInterfaces()) {
                    assertFalse(implemented.getName().equals("jenkins.tasks.SimpleBuildStep"), builder + " is a SimpleBuildStep");
                }
            }
        }
    }
}
