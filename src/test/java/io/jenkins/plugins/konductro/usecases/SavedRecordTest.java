package io.jenkins.plugins.konductro.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.build.KonductroBuildAction;
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
