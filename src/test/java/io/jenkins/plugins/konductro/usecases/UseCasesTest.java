package io.jenkins.plugins.konductro.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.AcceptanceProgress;
import io.jenkins.plugins.konductro.operations.BranchResult;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.PullRequestStatus;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The use cases on their own: requests in, results out, against a {@link TestBuild} and the sandbox. */
class UseCasesTest {
    private static final String REPO = "acme-team/widgets";
    private static final RepositoryRef WIDGETS_REF = RepositoryRef.parse(REPO);

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private TestBuild build;

    @BeforeEach
    void aliceRunsTheBuild() {
        String aliceUuid = fixture.sandbox().user("alice@acme.test").uuid();
        build = new TestBuild(new KonductroOperations(fixture.client()), "alice")
                .owns("alice-acme", "acme-team", "alice@acme.test", fixture.sandbox().demoToken("alice"));
    }

    @AfterEach
    void theBuildLogGoesToTheLeakSearch() {
        build.log();
    }

    @Test
    void theBranchStartedForATicketIsTheOneLaterUseCasesWorkOn() throws Exception {
        KonductroUseCases useCases = build.useCases();
        BranchStarted started = useCases.startBranch().run(StartBranchRequest.of(REPO, "KON-4").withNewBranch("topic/kon-4"), build);
        assertEquals(java.util.Optional.of("topic/kon-4"),
                build.record().branchFor(RepositoryRef.parse(REPO), TicketKey.of("KON-4")));
        assertEquals(java.util.Optional.empty(), build.record().branchFor(RepositoryRef.parse(REPO), TicketKey.of("KON-5")));

        SpecPushed pushed = useCases.pushSpec().run(PushSpecRequest.of(REPO, "KON-4").withSpec("# Spec\n"), build);
        assertEquals("topic/kon-4", started.branch().branch());
        assertEquals(fixture.sandbox().branchHead("acme-team", "widgets", "topic/kon-4"), pushed.spec().commit());

        PullRequestOpened opened = useCases.openPullRequest().run(OpenPullRequestRequest.of(REPO, "KON-4"), build);
        PullRequestRead read = useCases.pullRequestStatus().run(PullRequestStatusRequest.of(REPO).withTicket("KON-4"), build);
        assertEquals(opened.pullRequest().id(), read.status().id());

        // Another ticket's branch is not used by mistake.
        StepFailure other = SecretLeakWatch.expect(StepFailure.class,
                () -> useCases.pushSpec().run(PushSpecRequest.of(REPO, "KON-5").withSpec("# Spec\n"), build));
        assertTrue(other.getMessage().startsWith("konductroPushSpec: give branch, or run konductroStartBranch"), other.getMessage());
    }

    @Test
    void resultsBecomeVariablesNamedAfterTheirKind() {
        BranchStarted started = new BranchStarted(WIDGETS_REF, new BranchResult("feature/KON-1", "abc", true, "https://b/branch", "main"));
        assertEquals(Map.of("KONDUCTRO_BRANCH", "feature/KON-1", "KONDUCTRO_BRANCH_COMMIT", "abc",
                "KONDUCTRO_BRANCH_CREATED", "true", "KONDUCTRO_BRANCH_URL", "https://b/branch",
                "KONDUCTRO_REPOSITORY", "acme-team/widgets", "KONDUCTRO_REPOSITORY_PROVIDER", "bitbucket",
                "KONDUCTRO_REPOSITORY_WORKSPACE", "acme-team", "KONDUCTRO_REPOSITORY_REPO", "widgets"), started.variables());
        assertEquals(List.of("branch", "commit", "created", "url", "repository"), List.copyOf(started.toMap().keySet()));
        assertEquals(Map.of("provider", "bitbucket", "workspace", "acme-team", "repo", "widgets"),
                started.toMap().get("repository"));

        BuildRecord record = new BuildRecord();
        record.record(PullRequestRead.withProgress(WIDGETS_REF, new PullRequestStatus(7, "MERGED", "https://b/pr/7", "T", "2026-01-01", "m1"),
                new AcceptanceProgress(5, 3, List.of("a", "b"))));
        assertEquals("m1", record.variables().get("KONDUCTRO_PR_MERGE_COMMIT"));
        assertEquals("2026-01-01", record.variables().get("KONDUCTRO_PR_UPDATED_ON"));
        assertEquals("3", record.variables().get("KONDUCTRO_PR_CRITERIA_RESOLVED"));
        assertEquals("5", record.variables().get("KONDUCTRO_PR_CRITERIA_TOTAL"));
        assertFalse(record.variables().containsKey("KONDUCTRO_PR_ACCEPTANCE"), "the progress map is not a variable");
        record.record(PullRequestRead.withProgress(WIDGETS_REF, new PullRequestStatus(8, "OPEN", "https://b/pr/8", "U", "2026-01-02", null),
                new AcceptanceProgress(0, 0, List.of())));
        assertEquals("8", record.variables().get("KONDUCTRO_PR_ID"));
        assertFalse(record.variables().containsKey("KONDUCTRO_PR_MERGE_COMMIT"), "a later open pull request has no merge commit");
    }

    @Test
    void expandingARequestLeavesTheCredentialsIdAsTyped() {
        Map<String, String> env = Map.of("${TICKET}", "KON-9", "${TOKEN}", "alice-acme");
        StartBranchRequest expanded = StartBranchRequest.of(REPO, "${TICKET}").withCredentialsId("${TOKEN}")
                .expanded(text -> text == null ? null : env.getOrDefault(text, text));
        assertEquals("KON-9", expanded.ticket());
        assertEquals("${TOKEN}", expanded.credentialsId(), "a Credentials parameter is resolved by the Credentials API");
    }

    @Test
    void listArgumentsAreOneItemPerLine() {
        assertEquals(List.of("a", "b", "c"), Arguments.lines(List.of(" a \n\nb", "c")));
        assertEquals(List.of("bob", "carol"), Arguments.lines("bob\r\n carol \n"));
        assertEquals(List.of(), Arguments.lines((String) null));
        assertEquals(null, Arguments.text("   "));
    }

    @Test
    void reviewersAreLookedUpInTheDirectoryOnlyNeverInACredentialStore() throws Exception {
        InMemoryCredentials lookups = build.lookups();
        int[] storeReads = new int[1];
        PersonalCredentials counting = new PersonalCredentials() {
            @Override public String actingUserId() { return lookups.actingUserId(); }
            @Override public java.util.Optional<StoredCredential> forBuild(String id) { storeReads[0]++; return lookups.forBuild(id); }
            @Override public boolean actingUserMayUseOwn() { return true; }
            @Override public boolean actingUserStartedThisBuild() { return true; }
            @Override public List<StoredCredential> ownedByActingUser() { storeReads[0]++; return lookups.ownedByActingUser(); }
            @Override public void recordOwnAccount(VerifiedAccount account) { lookups.recordOwnAccount(account); }
        };
        RunningBuild withCountingStore = new RunningBuild() {
            @Override public JobKind kind() { return build.kind(); }
            @Override public PersonalCredentials credentials() { return counting; }
            @Override public JobSetting setting() { return build.setting(); }
            @Override public ReviewerDirectory reviewers() { return build.reviewers(); }
            @Override public BuildRecord record() { return build.record(); }
            @Override public void save() { build.save(); }
            @Override public java.io.PrintStream console() { return build.console(); }
            @Override public java.util.Optional<WorkspaceFiles> workspace() { return build.workspace(); }
        };
        build.accounts.put("bob", ReviewerDirectory.ReviewerAccount.of(fixture.sandbox().user("bob@acme.test").uuid()));
        KonductroUseCases useCases = build.useCases();
        useCases.startBranch().run(StartBranchRequest.of(REPO, "KON-13"), build);
        useCases.pushSpec().run(PushSpecRequest.of(REPO, "KON-13").withSpec("# Spec\n"), build);
        PullRequestOpened opened = useCases.openPullRequest().run(OpenPullRequestRequest.of(REPO, "KON-13")
                .withReviewers(List.of("bob", "carol", "dave")), withCountingStore);
        assertEquals(List.of("bob"), opened.reviewersAdded());
        assertEquals(1, storeReads[0], "the author's own credentials, once; no reviewer's");
    }

    @Test
    void aSpecFileOutsideTheWorkspaceOrABlankSpecIsRefusedBeforeAnything() throws Exception {
        KonductroUseCases useCases = build.useCases();
        useCases.startBranch().run(StartBranchRequest.of(REPO, "KON-14"), build);
        TestBuild inWorkspace = build.inWorkspace(java.nio.file.Path.of("/nonexistent-workspace"));
        for (String file : List.of("../secret.md", "specs/../../secret.md", "/etc/passwd", "C:\\spec.md", "..\\x.md")) {
            int requests = fixture.requestsDuring(() -> {
                StepFailure refused = SecretLeakWatch.expect(StepFailure.class,
                        () -> useCases.pushSpec().run(PushSpecRequest.of(REPO, "KON-14").withFile(file), inWorkspace));
                assertTrue(refused.getMessage().contains("is not inside the workspace"), refused.getMessage());
            });
            assertEquals(0, requests, file);
        }
        int requests = fixture.requestsDuring(() -> {
            StepFailure blank = SecretLeakWatch.expect(StepFailure.class,
                    () -> useCases.pushSpec().run(PushSpecRequest.of(REPO, "KON-14").withSpec(" \n\t\n"), build));
            assertTrue(blank.getMessage().contains("only white space"), blank.getMessage());
        });
        assertEquals(0, requests, "a blank spec is refused before any call");
    }

    @Test
    void aPullRequestWithNothingToMergeIsExplained() throws Exception {
        KonductroUseCases useCases = build.useCases();
        useCases.startBranch().run(StartBranchRequest.of(REPO, "KON-15"), build);
        StepFailure refused = SecretLeakWatch.expect(StepFailure.class,
                () -> useCases.openPullRequest().run(OpenPullRequestRequest.of(REPO, "KON-15"), build));
        assertTrue(refused.getMessage().contains("has no commit beyond it yet"), refused.getMessage());
        assertTrue(refused.getMessage().contains("into 'main'"), refused.getMessage());
    }
}
