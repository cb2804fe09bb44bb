package io.jenkins.plugins.konductro.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.sandbox.Exchange;
import io.jenkins.plugins.konductro.sandbox.Fault;
import io.jenkins.plugins.konductro.sandbox.SandboxPullRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 11: acceptance criteria as the pull request's tasks, and the repository's effective default reviewers. */
class AcceptanceAndDefaultReviewersTest {
    private static final String REPO = "acme-team/widgets";
    private static final List<String> CRITERIA = List.of("Exports every widget", "Header row", "UTF-8");

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private BitbucketSandbox sandbox;
    private TestBuild build;

    @BeforeEach
    void aliceHasABranchWithHerSpec() throws Exception {
        sandbox = fixture.sandbox();
        build = new TestBuild(new KonductroOperations(fixture.client()), "alice")
                .owns("alice-acme", "acme-team", "alice@acme.test", sandbox.demoToken("alice"));
        build.useCases().startBranch().run(StartBranchRequest.of(REPO, "KON-7"), build);
        build.useCases().pushSpec().run(PushSpecRequest.of(REPO, "KON-7").withSpec("# Spec\n"), build);
    }

    @AfterEach
    void theBuildLogGoesToTheLeakSearch() {
        build.log();
    }

    private PullRequestOpened open(OpenPullRequestRequest request) throws Exception {
        return build.useCases().openPullRequest().run(request, build);
    }

    private OpenPullRequestRequest withCriteria() {
        return OpenPullRequestRequest.of(REPO, "KON-7").withAcceptanceCriteria(CRITERIA);
    }

    private List<String> paths(String method) {
        return fixture.exchanges().stream().filter(e -> e.method().equals(method)).map(Exchange::path).toList();
    }

    @Test
    void eachCriterionBecomesATaskInOrderAndTheDescriptionSaysSo() throws Exception {
        PullRequestOpened[] opened = new PullRequestOpened[1];
        int requests = fixture.requestsDuring(() -> opened[0] = open(withCriteria()));
        assertEquals(2 + CRITERIA.size(), requests, "find, create, one per criterion: a new pull request has no task to list");
        assertEquals(CRITERIA, opened[0].tasksCreated());
        assertEquals(List.of(), opened[0].tasksExisting());
        long id = opened[0].pullRequest().id();
        assertEquals(Map.of("Exports every widget", "UNRESOLVED", "Header row", "UNRESOLVED", "UTF-8", "UNRESOLVED"),
                sandbox.tasks("acme-team", "widgets", id));
        assertEquals(CRITERIA, List.copyOf(sandbox.tasks("acme-team", "widgets", id).keySet()), "in order");
        SandboxPullRequest pr = sandbox.pullRequests("acme-team", "widgets").get(0);
        assertTrue(pr.description().contains("## Acceptance criteria\n\nEach criterion is also a task of this pull request")
                && pr.description().endsWith("- [ ] UTF-8"), pr.description());
        assertEquals(List.of("Exports every widget", "Header row", "UTF-8"), opened[0].toMap().get("tasksCreated"));
        assertTrue(build.log().contains("acceptance criteria as tasks: 3 created, 0 already there"), build.log());
        RecordedPullRequest recorded = build.record().pullRequests().get(0);
        assertEquals(3, recorded.tasksTotal());
        assertEquals(0, recorded.tasksResolved());
    }

    @Test
    void aRerunCreatesOnlyWhatIsMissingAndNeverTouchesATask() throws Exception {
        long id = open(OpenPullRequestRequest.of(REPO, "KON-7").withAcceptanceCriteria(List.of("Header row"))).pullRequest().id();
        sandbox.setTaskState("acme-team", "widgets", id, "Header row", true);
        sandbox.addTask("acme-team", "widgets", id, "bob@acme.test", "Add a changelog entry");

        PullRequestOpened[] again = new PullRequestOpened[1];
        int requests = fixture.requestsDuring(() -> again[0] = open(withCriteria()));
        assertEquals(1 + 1 + 2, requests, "find the open pull request, list its tasks, create the two missing");
        assertFalse(again[0].pullRequest().created());
        assertEquals(List.of("Exports every widget", "UTF-8"), again[0].tasksCreated());
        assertEquals(List.of("Header row"), again[0].tasksExisting());
        assertEquals(List.of("POST"), fixture.exchanges().stream().map(Exchange::method).distinct()
                .filter(m -> !m.equals("GET")).toList(), "only creations: no task edited, reopened or deleted");
        assertEquals(Map.of("Header row", "RESOLVED", "Add a changelog entry", "UNRESOLVED", "Exports every widget",
                "UNRESOLVED", "UTF-8", "UNRESOLVED"), sandbox.tasks("acme-team", "widgets", id));

        assertEquals(2, fixture.requestsDuring(() -> assertEquals(CRITERIA, open(withCriteria()).tasksExisting())),
                "a third run creates nothing");
    }

    @Test
    void aFailureHalfWayIsFinishedByTheRerun() throws Exception {
        sandbox.inject("POST", "/repositories/acme-team/widgets/pullrequests/\\d+/tasks", Fault.status(403));
        StepFailure failed = SecretLeakWatch.expect(StepFailure.class, () -> open(withCriteria()));
        assertTrue(failed.getMessage().startsWith("Pull request #1 is open, but Bitbucket Cloud refused to create its task "
                + "'Exports every widget': "), failed.getMessage());
        assertTrue(failed.getMessage().endsWith("Created now: none; there already: none; not created: 'Exports every "
                + "widget', 'Header row', 'UTF-8'. Run the step again: it creates only the missing tasks."), failed.getMessage());
        assertTrue(build.log().contains("Opened pull request #1 feature/KON-7 in acme-team/widgets — "), build.log());
        assertEquals(1, build.record().pullRequests().size(), "the pull request is on the build page");

        PullRequestOpened finished = open(withCriteria());
        assertFalse(finished.pullRequest().created());
        assertEquals(CRITERIA, finished.tasksCreated());
        assertEquals(CRITERIA, List.copyOf(sandbox.tasks("acme-team", "widgets", 1).keySet()));
        assertEquals(1, sandbox.pullRequests("acme-team", "widgets").size(), "one pull request");
    }

    @Test
    void aRefusalAfterSomeTasksIsFinishedByTheRerunAndSoIsARefusedList() throws Exception {
        sandbox.injectAfter(1, "POST", "/repositories/acme-team/widgets/pullrequests/\\d+/tasks", Fault.status(403));
        StepFailure failed = SecretLeakWatch.expect(StepFailure.class, () -> open(withCriteria()));
        assertTrue(failed.getMessage().contains("refused to create its task 'Header row'")
                && failed.getMessage().endsWith("Created now: 'Exports every widget'; there already: none; not created: "
                        + "'Header row', 'UTF-8'. Run the step again: it creates only the missing tasks."), failed.getMessage());

        sandbox.inject("GET", "/repositories/acme-team/widgets/pullrequests/\\d+/tasks", Fault.status(403));
        StepFailure notListed = SecretLeakWatch.expect(StepFailure.class, () -> open(withCriteria()));
        assertTrue(notListed.getMessage().startsWith("Pull request #1 is open, but Bitbucket Cloud refused to list its tasks: ")
                && notListed.getMessage().endsWith("not created: 'Exports every widget', 'Header row', 'UTF-8'. Run the "
                        + "step again: it creates only the missing tasks."), notListed.getMessage());
        assertTrue(build.log().contains("Pull request already open: #1 feature/KON-7 in acme-team/widgets — "), build.log());

        PullRequestOpened finished = open(withCriteria());
        assertEquals(List.of("Header row", "UTF-8"), finished.tasksCreated());
        assertEquals(List.of("Exports every widget"), finished.tasksExisting());
        assertEquals(CRITERIA, List.copyOf(sandbox.tasks("acme-team", "widgets", 1).keySet()));
    }

    @Test
    void aCriterionGivenTwiceIsOneTaskAndOneLineOfTheChecklist() throws Exception {
        PullRequestOpened opened = open(OpenPullRequestRequest.of(REPO, "KON-7").withAcceptanceCriteria(List.of(" A ", "A", "B")));
        assertEquals(List.of("A", "B"), opened.tasksCreated());
        String description = sandbox.pullRequests("acme-team", "widgets").get(0).description();
        assertTrue(description.endsWith("\n\n- [ ] A\n- [ ] B"), description);
    }

    @Test
    void acceptanceTasksOffKeepsOnlyTheChecklist() throws Exception {
        int requests = fixture.requestsDuring(() -> open(withCriteria().withAcceptanceTasks(false)));
        assertEquals(2, requests);
        assertEquals(Map.of(), sandbox.tasks("acme-team", "widgets", 1));
        String description = sandbox.pullRequests("acme-team", "widgets").get(0).description();
        assertFalse(description.contains("task"), description);
        assertTrue(description.endsWith("- [ ] Exports every widget\n- [ ] Header row\n- [ ] UTF-8"), description);
    }

    @Test
    void theProgressReadsEveryPageOfTasks() throws Exception {
        long id = open(OpenPullRequestRequest.of(REPO, "KON-7")).pullRequest().id();
        for (int i = 0; i < 150; i++) {
            sandbox.addTask("acme-team", "widgets", id, "bob@acme.test", "Task " + i);
        }
        for (int i = 0; i < 40; i++) {
            sandbox.setTaskState("acme-team", "widgets", id, "Task " + i, true);
        }
        PullRequestRead[] read = new PullRequestRead[1];
        assertEquals(1 + 2, fixture.requestsDuring(() -> read[0] = build.useCases().pullRequestStatus().run(
                PullRequestStatusRequest.of(REPO).withId(Math.toIntExact(id)), build)), "the state, then 150 tasks at 100 a page");
        assertEquals(150, read[0].acceptance().total());
        assertEquals(40, read[0].acceptance().resolved());
        assertEquals("Task 40", read[0].acceptance().open().get(0));
        assertEquals("40", read[0].variables().get("KONDUCTRO_PR_CRITERIA_RESOLVED"));
        assertEquals("150", read[0].variables().get("KONDUCTRO_PR_CRITERIA_TOTAL"));
        assertTrue(build.log().contains("40 of 150 acceptance criteria resolved"), build.log());
        assertEquals(List.of("100"), fixture.exchanges().stream().filter(e -> e.path().endsWith("/tasks"))
                .map(e -> e.queryParameter("pagelen")).distinct().toList());
    }

    @Test
    void theRepositorysDefaultReviewersJoinTheNamedOnesOnceWithoutTheAuthor() throws Exception {
        sandbox.addUser("carol@acme.test", "Carol Reed");
        sandbox.addMember("acme-team", "carol@acme.test", "member");
        sandbox.addUser("dave@elsewhere.test", "Dave Out");
        sandbox.addDefaultReviewer("acme-team", "widgets", "bob@acme.test", "repository");
        sandbox.addDefaultReviewer("acme-team", "widgets", "carol@acme.test", "project");
        sandbox.addDefaultReviewer("acme-team", "widgets", "alice@acme.test", "project");
        sandbox.addDefaultReviewer("acme-team", "widgets", "dave@elsewhere.test", "repository");
        String bob = sandbox.user("bob@acme.test").uuid();
        String carol = sandbox.user("carol@acme.test").uuid();
        build.accounts.put("bob", ReviewerDirectory.ReviewerAccount.of(bob));

        PullRequestOpened[] opened = new PullRequestOpened[1];
        fixture.requestsDuring(() -> opened[0] = open(OpenPullRequestRequest.of(REPO, "KON-7").withReviewers(List.of("bob"))
                .withDefaultReviewers(true)));
        assertEquals(1, paths("GET").stream().filter(p -> p.endsWith("/effective-default-reviewers")).count());
        assertEquals(List.of("bob"), opened[0].reviewersAdded(), "bob is named: he counts as named, once");
        assertEquals(List.of("Carol Reed " + carol), opened[0].defaultReviewersAdded());
        assertEquals(List.of("Dave Out " + sandbox.user("dave@elsewhere.test").uuid()), opened[0].defaultReviewersSkipped(),
                "Bitbucket refuses a reviewer outside the workspace; the pull request opens anyway");
        assertEquals(List.of(bob, carol), sandbox.pullRequests("acme-team", "widgets").get(0).reviewerUuids(),
                "the author is left out");
        assertTrue(build.log().contains("Reviewer Dave Out " + sandbox.user("dave@elsewhere.test").uuid() + " not added: "),
                build.log());
        assertEquals(List.of("Carol Reed " + carol), opened[0].toMap().get("defaultReviewersAdded"));
    }

    /** Issue 16, item 9: the state is returned when the task list fails after it was read; the progress is unknown, and why. */
    @Test
    void theStatusStepReturnsTheStateWhenTheTaskListFailsAfterIt() throws Exception {
        long id = open(withCriteria()).pullRequest().id();
        sandbox.inject("GET", "/repositories/acme-team/widgets/pullrequests/\\d+/tasks", Fault.status(403));
        PullRequestRead read = build.useCases().pullRequestStatus().run(PullRequestStatusRequest.of(REPO).withId((int) id), build);
        assertEquals("OPEN", read.status().state());
        @SuppressWarnings("unchecked")
        Map<String, Object> acceptance = (Map<String, Object>) read.toMap().get("acceptance");
        assertEquals(null, acceptance.get("total"));
        assertTrue(String.valueOf(acceptance.get("unknown")).contains("refused GET /repositories/acme-team/widgets/pullrequests/"
                + id + "/tasks"), String.valueOf(acceptance.get("unknown")));
        assertTrue(build.log().contains("is OPEN: KON-7") && build.log().contains("acceptance progress unknown ("), build.log());
        assertFalse(read.variables().containsKey("KONDUCTRO_PR_CRITERIA_TOTAL") && read.variables().get("KONDUCTRO_PR_CRITERIA_TOTAL") != null);
    }

    /** Issue 16, item 10: Bitbucket's 400 names the refused reviewers; they are dropped at once, in at most two creates. */
    @Test
    void refusedDefaultReviewersAreDroppedAtOnceInAtMostTwoCreatesWhateverTheList() throws Exception {
        List<String> outsiders = new java.util.ArrayList<>();
        for (int i = 1; i <= 105; i++) {
            String email = "reviewer" + i + "@acme.test";
            sandbox.addUser(email, "Reviewer Number" + i);
            boolean outside = i == 105 || i == 40 || i == 7;
            if (!outside) {
                sandbox.addMember("acme-team", email, "member");
            } else {
                outsiders.add("Reviewer Number" + i + " " + sandbox.user(email).uuid());
            }
            sandbox.addDefaultReviewer("acme-team", "widgets", email, "repository");
        }
        PullRequestOpened opened = open(OpenPullRequestRequest.of(REPO, "KON-7").withDefaultReviewers(true));
        assertEquals(2, paths("POST").stream().filter(p -> p.endsWith("/pullrequests")).count(),
                "one refused create, one that succeeds");
        assertEquals(102, sandbox.pullRequests("acme-team", "widgets").get(0).reviewerUuids().size());
        assertEquals(outsiders, opened.defaultReviewersSkipped());
    }

    /** Issue 16, item 11: a refused list of default reviewers does not stop the pull request; the log says why. */
    @Test
    void aRefusedListOfDefaultReviewersOpensThePullRequestWithoutThemAndSaysWhy() throws Exception {
        sandbox.addDefaultReviewer("acme-team", "widgets", "bob@acme.test", "repository");
        sandbox.inject("GET", "/repositories/acme-team/widgets/effective-default-reviewers", Fault.status(403));
        PullRequestOpened opened = open(withCriteria().withDefaultReviewers(true));
        assertTrue(opened.pullRequest().created());
        assertEquals(List.of(), opened.defaultReviewersAdded());
        assertEquals(List.of(), sandbox.pullRequests("acme-team", "widgets").get(0).reviewerUuids());
        assertTrue(build.log().contains("Default reviewers not added: Bitbucket Cloud refused the list of acme-team/widgets's "
                + "default reviewers ("), build.log());
        assertEquals(3, sandbox.tasks("acme-team", "widgets", opened.pullRequest().id()).size(), "the rest of the step ran");
    }

    @Test
    void aDefaultReviewerAlsoNamedIsOneReviewerWhateverTheCaseOfTheUuid() throws Exception {
        sandbox.addDefaultReviewer("acme-team", "widgets", "bob@acme.test", "repository");
        sandbox.addDefaultReviewer("acme-team", "widgets", "alice@acme.test", "project");
        sandbox.answerDefaultReviewerUuidsInCapitals();
        String bob = sandbox.user("bob@acme.test").uuid();
        build.accounts.put("bob", ReviewerDirectory.ReviewerAccount.of(bob));
        PullRequestOpened opened = open(OpenPullRequestRequest.of(REPO, "KON-7").withReviewers(List.of("bob"))
                .withDefaultReviewers(true));
        assertEquals(List.of("bob"), opened.reviewersAdded());
        assertEquals(List.of(), opened.defaultReviewersAdded());
        assertEquals(List.of(), opened.defaultReviewersSkipped(), "the author, in capitals too, is left out silently");
        assertEquals(List.of(bob), sandbox.pullRequests("acme-team", "widgets").get(0).reviewerUuids());
    }

    @Test
    void theJobsSettingAsksForDefaultReviewersAndAnOpenPullRequestKeepsItsReviewers() throws Exception {
        sandbox.addDefaultReviewer("acme-team", "widgets", "bob@acme.test", "repository");
        build.defaultReviewers(true);
        PullRequestOpened opened = open(OpenPullRequestRequest.of(REPO, "KON-7"));
        assertEquals(1, opened.defaultReviewersAdded().size());

        sandbox.addUser("carol@acme.test", "Carol Reed");
        sandbox.addMember("acme-team", "carol@acme.test", "member");
        sandbox.addDefaultReviewer("acme-team", "widgets", "carol@acme.test", "repository");
        PullRequestOpened[] again = new PullRequestOpened[1];
        assertEquals(1, fixture.requestsDuring(() -> again[0] = open(OpenPullRequestRequest.of(REPO, "KON-7"))),
                "a rerun finds the pull request and asks nothing else: no default reviewers listed");
        assertFalse(again[0].pullRequest().created());
        assertEquals(List.of(), again[0].defaultReviewersAdded());
        assertEquals(List.of(sandbox.user("bob@acme.test").uuid()),
                sandbox.pullRequests("acme-team", "widgets").get(0).reviewerUuids(), "reviewers never changed on a rerun");
    }
}
