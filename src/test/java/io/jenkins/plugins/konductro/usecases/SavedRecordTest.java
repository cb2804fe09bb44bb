package io.jenkins.plugins.konductro.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.pages.KonductroBuildAction;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.TicketKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a build keeps survives a restart of Jenkins: written and read back with core 2.479.3's XStream, which stores
 * a build's actions in build.xml and reads them without calling constructors.
 */
class SavedRecordTest {
    private static final RepositoryRef WIDGETS = RepositoryRef.of("acme-team", "widgets");

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private static XStream xstream() {
        XStream xstream = new XStream();
        xstream.allowTypesByWildcard(new String[] {"io.jenkins.plugins.konductro.**"});
        return xstream;
    }

    @Test
    void aBuildsRecordReadsBackWithItsBranchSpecPullRequestAndVariables() throws Exception {
        TestBuild build = new TestBuild(new KonductroOperations(fixture.client()), "alice")
                .owns("alice-acme", "acme-team", "alice@acme.test", fixture.sandbox().demoToken("alice"));
        build.useCases().startBranch().run(StartBranchRequest.of("acme-team/widgets", "KON-42"), build);
        build.useCases().pushSpec().run(PushSpecRequest.of("acme-team/widgets", "KON-42").withSpec("# Spec\n"), build);
        build.useCases().openPullRequest().run(OpenPullRequestRequest.of("acme-team/widgets", "KON-42"), build);
        build.log();

        String xml = xstream().toXML(build.record());
        BuildRecord read = (BuildRecord) xstream().fromXML(xml);
        TicketKey ticket = TicketKey.of("KON-42");
        assertEquals(build.record().branchFor(WIDGETS, ticket), read.branchFor(WIDGETS, ticket));
        assertEquals(build.record().mainBranchFor(WIDGETS, ticket), read.mainBranchFor(WIDGETS, ticket));
        assertEquals(build.record().specCommitFor(WIDGETS, ticket), read.specCommitFor(WIDGETS, ticket));
        assertEquals(build.record().variables(), read.variables());
        RecordedPullRequest pr = read.pullRequests().get(0);
        assertEquals("OPEN", pr.state());
        assertEquals("KON-42", pr.ticket());
        assertEquals(build.record().pullRequests().get(0).key(), pr.key());
        assertFalse(xml.contains(fixture.sandbox().demoToken("alice")), "no token in what a build saves");
    }

    @Test
    void aRecordSavedBeforeTheNewerFieldsReadsBackEmptyNotBroken() {
        String older = "<io.jenkins.plugins.konductro.usecases.BuildRecord>"
                + "<branches class=\"linked-hash-map\"><entry><string>acme-team/widgets KON-1</string>"
                + "<string>feature/KON-1</string></entry></branches>"
                + "<variables class=\"linked-hash-map\"/></io.jenkins.plugins.konductro.usecases.BuildRecord>";
        BuildRecord read = (BuildRecord) xstream().fromXML(older);
        assertEquals(java.util.Optional.of("feature/KON-1"), read.branchFor(WIDGETS, TicketKey.of("KON-1")));
        assertTrue(read.pullRequests().isEmpty());
        assertTrue(read.specCommitFor(WIDGETS, TicketKey.of("KON-1")).isEmpty());
        assertTrue(read.rememberBranch(WIDGETS, TicketKey.of("KON-2"), "feature/KON-2", "main"));
    }

    @Test
    void aPullRequestsTasksReadBackAndOneSavedBeforeThemHasNoneKnown() throws Exception {
        TestBuild build = new TestBuild(new KonductroOperations(fixture.client()), "alice")
                .owns("alice-acme", "acme-team", "alice@acme.test", fixture.sandbox().demoToken("alice"));
        build.useCases().startBranch().run(StartBranchRequest.of("acme-team/widgets", "KON-43"), build);
        build.useCases().pushSpec().run(PushSpecRequest.of("acme-team/widgets", "KON-43").withSpec("# Spec\n"), build);
        build.useCases().openPullRequest().run(OpenPullRequestRequest.of("acme-team/widgets", "KON-43")
                .withAcceptanceCriteria(java.util.List.of("One", "Two")), build);
        build.log();
        RecordedPullRequest pr = ((BuildRecord) xstream().fromXML(xstream().toXML(build.record()))).pullRequests().get(0);
        assertEquals(2, pr.tasksTotal());
        assertEquals(0, pr.tasksResolved());
        assertTrue(pr.tasksCheckedAtMillis() > 0);

        String older = "<io.jenkins.plugins.konductro.usecases.RecordedPullRequest><repository>acme-team/widgets</repository>"
                + "<id>7</id><ticket>KON-7</ticket><title>T</title><state>OPEN</state><url>https://b/7</url>"
                + "<checkedAtMillis>5</checkedAtMillis></io.jenkins.plugins.konductro.usecases.RecordedPullRequest>";
        RecordedPullRequest before = (RecordedPullRequest) xstream().fromXML(older);
        assertEquals(null, before.tasksTotal(), "tasks unknown: the page shows no progress and never asks for it");
        assertEquals(0, before.tasksCheckedAtMillis());
    }

    @Test
    void aRefreshOrALaterStepKeepsTheFresherStateAndTheFresherTasks() {
        BuildRecord record = new BuildRecord();
        RecordedPullRequest opened = new RecordedPullRequest("acme-team/widgets", 7, "KON-7", "feature/KON-7", "T", "OPEN",
                "https://b/7", 100).withTasks(3, 0, 100);
        record.recordPullRequest(opened);
        assertTrue(record.refreshed(new RecordedPullRequest("acme-team/widgets", 7, null, null, "T", "OPEN", "https://b/7", 200)
                .withTasks(3, 2, 150)), "new progress: the build is saved");
        RecordedPullRequest now = record.pullRequests().get(0);
        assertEquals(java.util.List.of(200L, 2, 150L, "KON-7"),
                java.util.List.of(now.checkedAtMillis(), now.tasksResolved(), now.tasksCheckedAtMillis(), now.ticket()));
        assertFalse(record.refreshed(new RecordedPullRequest("acme-team/widgets", 7, null, null, "T", "OPEN", "https://b/7", 150)
                .withTasks(3, 1, 120)), "older on both counts: nothing changes");
        assertEquals(2, record.pullRequests().get(0).tasksResolved());
        record.recordPullRequest(new RecordedPullRequest("acme-team/widgets", 7, null, null, "T", "MERGED", "https://b/7", 300));
        assertEquals(java.util.List.of("MERGED", 2, "KON-7"), java.util.List.of(record.pullRequests().get(0).state(),
                record.pullRequests().get(0).tasksResolved(), record.pullRequests().get(0).ticket()),
                "a later status without tasks keeps the ticket and the tasks known");
    }

    @Test
    void aFreestyleBuildStepSavedBeforeTheTaskOptionMakesTasks() {
        XStream xstream = xstream();
        Object builder = xstream.fromXML("<io.jenkins.plugins.konductro.freestyle.OpenPullRequestBuilder><ticket>KON-1</ticket>"
                + "<closeSourceBranch>false</closeSourceBranch></io.jenkins.plugins.konductro.freestyle.OpenPullRequestBuilder>");
        io.jenkins.plugins.konductro.freestyle.OpenPullRequestBuilder read =
                (io.jenkins.plugins.konductro.freestyle.OpenPullRequestBuilder) builder;
        assertTrue(read.isAcceptanceTasks(), "tasks are on by default, for build steps saved before the option too");
        assertFalse(read.isDefaultReviewers());
    }

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"}) // a bare Run of the compile-only stub, only to be attached
    void theBuildsActionReadsBackWithoutItsRun() {
        KonductroBuildAction action = new KonductroBuildAction();
        action.onAttached(new hudson.model.Run(null, null) {
            @Override
            public int compareTo(Object other) {
                return 0;
            }
        });
        String xml = xstream().toXML(action);
        assertFalse(xml.contains("<run"), xml);
        KonductroBuildAction read = (KonductroBuildAction) xstream().fromXML(xml);
        assertTrue(read.record().pullRequests().isEmpty());
    }
}
