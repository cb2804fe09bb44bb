package io.jenkins.plugins.konductro.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which repository a step works on, given what its job (or folder) links (issue 10 §2). */
class LinkedRepositoriesTest {
    private static final RepositoryRef WIDGETS = RepositoryRef.of("acme-team", "widgets");
    private static final RepositoryRef GADGETS = RepositoryRef.of("acme-team", "gadgets");
    private static final RepositoryRef OTHER_WIDGETS = RepositoryRef.of("other-team", "widgets");

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    @Test
    void theOnlyLinkedRepositoryIsTheDefaultAndABareSlugNamesALinkedOne() throws Exception {
        LinkedRepositories one = new LinkedRepositories(List.of(WIDGETS));
        assertEquals(WIDGETS, one.choose(null, "konductroStartBranch"));
        assertEquals(WIDGETS, one.choose("  ", "konductroStartBranch"));
        assertEquals(WIDGETS, one.choose("widgets", "konductroStartBranch"));
        assertEquals(WIDGETS, one.choose("https://bitbucket.org/acme-team/widgets.git", "konductroStartBranch"));

        LinkedRepositories two = new LinkedRepositories(List.of(WIDGETS, GADGETS));
        assertEquals(GADGETS, two.choose("gadgets", "konductroPushSpec"));
        assertEquals(GADGETS, two.choose("acme-team/gadgets", "konductroPushSpec"));
        StepFailure which = assertThrows(StepFailure.class, () -> two.choose(null, "konductroPushSpec"));
        assertEquals("konductroPushSpec: this job links several repositories (acme-team/widgets, acme-team/gadgets); give "
                + "repository, as one of them.", which.getMessage());
    }

    @Test
    void aRepositoryTheJobDoesNotLinkIsRefusedWithTheLinkedOnesListed() {
        LinkedRepositories two = new LinkedRepositories(List.of(WIDGETS, GADGETS));
        StepFailure other = assertThrows(StepFailure.class, () -> two.choose("acme-team/secrets", "konductroOpenPr"));
        assertEquals("konductroOpenPr: repository 'acme-team/secrets' is not linked to this job. Its linked repositories "
                + "are: acme-team/widgets, acme-team/gadgets. Use one of them, or link it in the job's (or its folder's) "
                + "Konductro settings.", other.getMessage());
        StepFailure slug = assertThrows(StepFailure.class, () -> two.choose("secrets", "konductroOpenPr"));
        assertTrue(slug.getMessage().contains("'secrets' is not linked"), slug.getMessage());

        StepFailure ambiguous = assertThrows(StepFailure.class,
                () -> new LinkedRepositories(List.of(WIDGETS, OTHER_WIDGETS)).choose("widgets", "konductroOpenPr"));
        assertTrue(ambiguous.getMessage().contains("give workspace/widgets"), ambiguous.getMessage());
        // Bitbucket Server stays refused, whatever is linked.
        assertThrows(InvalidInputException.class, () -> two.choose("https://git.acme.test/scm/acme/widgets.git", "x"));
    }

    @Test
    void withoutLinkedRepositoriesTheRepositoryIsRequiredAndAnyCloudRepositoryWorks() throws Exception {
        StepFailure none = assertThrows(StepFailure.class, () -> LinkedRepositories.NONE.choose(null, "konductroPrStatus"));
        assertTrue(none.getMessage().startsWith("konductroPrStatus: give repository (workspace/repo), or link the repository"),
                none.getMessage());
        StepFailure bare = assertThrows(StepFailure.class, () -> LinkedRepositories.NONE.choose("widgets", "konductroPrStatus"));
        assertTrue(bare.getMessage().contains("names no workspace, and this job links no repository"), bare.getMessage());
        assertEquals(GADGETS, LinkedRepositories.NONE.choose("acme-team/gadgets", "konductroPrStatus"));
    }

    @Test
    void theJobsOwnSettingElseTheNearestFoldersOfNestedFolders() {
        record Node(String name, Node parent) {}
        Node root = new Node("(Jenkins)", null);
        Node outer = new Node("team", root);
        Node inner = new Node("team/service", outer);
        Node job = new Node("team/service/build", inner);
        Map<Node, JobSetting> settings = new HashMap<>();

        assertEquals(JobSetting.NONE, JobSetting.nearest(job, settings::get, Node::parent), "none anywhere");
        settings.put(outer, new JobSetting(new LinkedRepositories(List.of(GADGETS)), true));
        assertEquals(List.of(GADGETS), JobSetting.nearest(job, settings::get, Node::parent).linked().repositories(),
                "the outer folder's, through a folder without one");
        settings.put(inner, JobSetting.NONE);
        assertEquals(List.of(GADGETS), JobSetting.nearest(job, settings::get, Node::parent).linked().repositories(),
                "a folder whose setting links nothing does not hide the outer one");
        settings.put(inner, new JobSetting(new LinkedRepositories(List.of(OTHER_WIDGETS)), false));
        assertEquals(new JobSetting(new LinkedRepositories(List.of(OTHER_WIDGETS)), false),
                JobSetting.nearest(job, settings::get, Node::parent), "the innermost folder's, whole");
        settings.put(job, new JobSetting(LinkedRepositories.NONE, true));
        assertEquals(new JobSetting(LinkedRepositories.NONE, true), JobSetting.nearest(job, settings::get, Node::parent),
                "the job's own, which links nothing but asks for default reviewers");
    }

    @Test
    void everyStepLeavesOutTheRepositoryOfAJobThatLinksOneAndIsRefusedOtherOnesBeforeAnyCall() throws Exception {
        KonductroOperations operations = new KonductroOperations(fixture.client());
        TestBuild build = new TestBuild(operations, JobKind.FREESTYLE, "alice")
                .owns("alice-acme", "acme-team", "alice@acme.test", fixture.sandbox().demoToken("alice"))
                .links("acme-team/widgets");
        KonductroUseCases useCases = build.useCases();
        BranchStarted started = useCases.startBranch().run(StartBranchRequest.of(null, "KON-31"), build);
        assertEquals(WIDGETS, started.repository());
        SpecPushed pushed = useCases.pushSpec().run(PushSpecRequest.of("widgets", "KON-31").withSpec("# Spec\n"), build);
        assertEquals(WIDGETS, pushed.repository());
        PullRequestOpened opened = useCases.openPullRequest().run(OpenPullRequestRequest.of(null, "KON-31"), build);
        PullRequestRead read = useCases.pullRequestStatus().run(PullRequestStatusRequest.of(null).withTicket("KON-31"), build);
        assertEquals(opened.pullRequest().id(), read.status().id());
        assertEquals("acme-team/widgets", build.record().variables().get("KONDUCTRO_REPOSITORY"));
        assertEquals("widgets", build.record().variables().get("KONDUCTRO_REPOSITORY_REPO"));

        fixture.sandbox().addRepository("acme-team", "gadgets", "main", true);
        int requests = fixture.requestsDuring(() -> {
            StepFailure refused = SecretLeakWatch.expect(StepFailure.class,
                    () -> useCases.startBranch().run(StartBranchRequest.of("acme-team/gadgets", "KON-32"), build));
            assertTrue(refused.getMessage().startsWith("Konductro: start the ticket's branch: repository 'acme-team/gadgets' "
                    + "is not linked to this job. Its linked repositories are: acme-team/widgets."), refused.getMessage());
        });
        assertEquals(0, requests, "refused before any call");
    }
}
