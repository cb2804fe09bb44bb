package io.jenkins.plugins.konductro.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Linking repositories (issue 10 §1, §3): the setting's checks before any call, the save's lookups with the saver's own
 * credential, and the form's repository list, against a workspace of 137 repositories, 16 of them private to another
 * member.
 */
class LinkRepositoriesTest {
    static final int SHARED = 120;
    static final int CAROLS = 16;

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private KonductroOperations operations;
    private LinkRepositories linking;
    private RepositoryPicker picker;

    @BeforeEach
    void aWorkspaceOf137Repositories() {
        BitbucketSandbox sandbox = fixture.sandbox();
        for (int i = 0; i < SHARED; i++) {
            sandbox.addRepository("acme-team", String.format("service-%03d", i), "main", true);
        }
        sandbox.addUser("carol@acme.test", "Carol Reed");
        sandbox.addMember("acme-team", "carol@acme.test", "member");
        for (int i = 0; i < CAROLS; i++) {
            sandbox.addPrivateRepository("acme-team", String.format("carol-%02d", i), "carol@acme.test");
        }
        operations = new KonductroOperations(fixture.client());
        linking = new LinkRepositories(operations);
        picker = new RepositoryPicker(operations);
    }

    static OwnCredentials owning(ApiTokenCredential... credentials) {
        return new OwnCredentials() {
            @Override
            public Optional<ApiTokenCredential> ownCredential(String workspace) {
                return List.of(credentials).stream().filter(c -> c.workspace().equals(workspace)).findFirst();
            }

            @Override
            public String whyNot(String workspace) {
                return "no credential for " + workspace;
            }
        };
    }

    private static LinkRepositories.Entry entry(String workspace, String repo) {
        return new LinkRepositories.Entry(workspace, repo);
    }

    @Test
    void theSettingsFormIsCheckedBeforeAnyCallWithTheFieldNamed() throws Exception {
        int requests = fixture.requestsDuring(() -> {
            SettingRefused displayName = SecretLeakWatch.expect(SettingRefused.class,
                    () -> LinkRepositories.parse("bitbucket", List.of(entry("Acme Team", "widgets"))));
            assertTrue(displayName.getMessage().startsWith("Linked repository 1: Workspace 'Acme Team' looks like a display "
                    + "name, not a workspace slug."), displayName.getMessage());
            assertEquals("repositories", displayName.field());

            SettingRefused server = SecretLeakWatch.expect(SettingRefused.class, () -> LinkRepositories.parse("bitbucket",
                    List.of(entry("acme-team", "widgets"), entry("acme-team", "https://git.acme.test/scm/acme/widgets.git"))));
            assertTrue(server.getMessage().startsWith("Linked repository 2: ")
                    && server.getMessage().contains("Bitbucket Server and Data Center are not supported"), server.getMessage());

            SettingRefused twice = SecretLeakWatch.expect(SettingRefused.class, () -> LinkRepositories.parse(null,
                    List.of(entry("acme-team", "widgets"), entry("acme-team", "gadgets"),
                            entry(null, "https://bitbucket.org/acme-team/widgets.git"))));
            assertEquals("Linked repository 3: acme-team/widgets is linked already; remove one of the two.", twice.getMessage());

            SettingRefused provider = SecretLeakWatch.expect(SettingRefused.class,
                    () -> LinkRepositories.parse("github", List.of()));
            assertEquals("provider", provider.field());

            SettingRefused elsewhere = SecretLeakWatch.expect(SettingRefused.class, () -> LinkRepositories.parse("bitbucket",
                    List.of(entry("acme-team", "other-team/widgets"))));
            assertTrue(elsewhere.getMessage().contains("is not in workspace 'acme-team'"), elsewhere.getMessage());
        });
        assertEquals(0, requests);
        assertEquals(List.of(RepositoryRef.of("acme-team", "widgets"), RepositoryRef.of("other-team", "gadgets")),
                LinkRepositories.parse(null, List.of(entry("acme-team", " widgets "),
                        entry("", "git@bitbucket.org:other-team/gadgets.git"))).repositories());
    }

    @Test
    void savingLooksUpEachNewlyLinkedRepositoryOnceWithTheSaversOwnCredential() throws Exception {
        LinkedRepositories before = LinkRepositories.parse(null, List.of(entry("acme-team", "widgets")));
        LinkedRepositories after = LinkRepositories.parse(null, List.of(entry("acme-team", "widgets"),
                entry("acme-team", "service-007"), entry("acme-team", "service-119")));
        assertEquals(2, fixture.requestsDuring(() -> linking.checkVisible(after, before, owning(fixture.alice()))),
                "one request per added repository");
        assertEquals(List.of("/repositories/acme-team/service-007", "/repositories/acme-team/service-119"),
                fixture.exchanges().stream().map(e -> e.path()).toList());
        assertEquals(0, fixture.requestsDuring(() -> linking.checkVisible(after, after, owning(fixture.alice()))),
                "none when nothing was added");
    }

    @Test
    void aRepositoryPrivateToAnotherMemberOrMissingIsRefusedAndSoIsASaverWithoutACredential() throws Exception {
        LinkedRepositories carols = LinkRepositories.parse(null, List.of(entry("acme-team", "carol-03")));
        SettingRefused hidden = SecretLeakWatch.expect(SettingRefused.class,
                () -> linking.checkVisible(carols, LinkedRepositories.NONE, owning(fixture.alice())));
        assertEquals("Linked repository acme-team/carol-03: Bitbucket Cloud has no such repository that alice@acme.test may "
                + "see. Check its slug (the name in its URL), or ask a workspace admin for access.", hidden.getMessage());
        ApiTokenCredential carol = ApiTokenCredential.of("acme-team", "carol@acme.test",
                SecretLeakWatch.secret(fixture.sandbox().issueToken("carol@acme.test",
                        BitbucketSandbox.ALL_SCOPES.toArray(String[]::new))));
        linking.checkVisible(carols, LinkedRepositories.NONE, owning(carol)); // carol may see her own

        SettingRefused missing = SecretLeakWatch.expect(SettingRefused.class, () -> linking.checkVisible(
                LinkRepositories.parse(null, List.of(entry("acme-team", "no-such-repo"))), LinkedRepositories.NONE,
                owning(fixture.alice())));
        assertTrue(missing.getMessage().contains("has no such repository"), missing.getMessage());

        int requests = fixture.requestsDuring(() -> {
            SettingRefused noCredential = SecretLeakWatch.expect(SettingRefused.class, () -> linking.checkVisible(
                    LinkRepositories.parse(null, List.of(entry("other-team", "widgets"))), LinkedRepositories.NONE,
                    owning(fixture.alice())));
            assertTrue(noCredential.getMessage().contains("you have no Konductro credential of your own for workspace "
                    + "'other-team'"), noCredential.getMessage());
        });
        assertEquals(0, requests);
    }

    @Test
    void theListIsWhatTheEditorsOwnTokenSeesReadOnceAndKeptPerUserAndWorkspace() throws Exception {
        RepositoryPicker.Editor alice = new RepositoryPicker.Editor("alice", true, owning(fixture.alice()));
        RepositoryPicker.Choices[] listed = new RepositoryPicker.Choices[1];
        assertEquals(2, fixture.requestsDuring(() -> listed[0] = picker.repositories(alice, "acme-team")),
                "121 repositories at 100 a page");
        assertNull(listed[0].problem());
        assertEquals(SHARED + 1, listed[0].slugs().size(), "carol's private repositories are not alice's to see");
        assertEquals("service-000", listed[0].slugs().get(0));
        assertFalse(listed[0].slugs().contains("carol-00"));
        assertEquals("values.slug,next", fixture.exchanges().get(0).queryParameter("fields"));
        assertEquals("100", fixture.exchanges().get(0).queryParameter("pagelen"));

        assertEquals(0, fixture.requestsDuring(() -> {
            assertEquals(listed[0].slugs(), picker.repositories(alice, "acme-team").slugs());
            assertNull(picker.check(alice, "acme-team", "service-042").problem());
            assertTrue(picker.check(alice, "acme-team", "carol-01").problem().contains("is not among the repositories"));
        }), "the list is kept: the fill and the field's check ask once");

        ApiTokenCredential carolToken = ApiTokenCredential.of("acme-team", "carol@acme.test",
                SecretLeakWatch.secret(fixture.sandbox().issueToken("carol@acme.test", BitbucketSandbox.SCOPE_READ_REPOSITORY)));
        RepositoryPicker.Editor carol = new RepositoryPicker.Editor("carol", true, owning(carolToken));
        assertEquals(137, picker.repositories(carol, "acme-team").slugs().size(), "carol's list is her own");
    }

    @Test
    void withoutTheRightToConfigureOrLoggedOutNobodyCausesACall() throws Exception {
        assertEquals(0, fixture.requestsDuring(() -> {
            assertEquals(List.of(), picker.repositories(new RepositoryPicker.Editor("bob", false, owning(fixture.bob())),
                    "acme-team").slugs());
            assertEquals(List.of(), picker.repositories(new RepositoryPicker.Editor(null, true, owning()), "acme-team").slugs());
            RepositoryPicker.Choices none = picker.repositories(new RepositoryPicker.Editor("dave", true, owning()), "acme-team");
            assertTrue(none.problem().startsWith("You have no Konductro credential of your own for 'acme-team'"), none.problem());
            assertTrue(picker.repositories(new RepositoryPicker.Editor("alice", true, owning(fixture.alice())), "Acme Team")
                    .error());
        }));
    }

    @Test
    void aTokenWithoutRepositoryReadShowsTheReasonNotAnEmptyList() throws Exception {
        ApiTokenCredential noRepositoryScope = fixture.user("erin@acme.test", "Erin Vale", true,
                BitbucketSandbox.SCOPE_READ_WORKSPACE, BitbucketSandbox.SCOPE_READ_PULLREQUEST);
        RepositoryPicker.Editor erin = new RepositoryPicker.Editor("erin", true, owning(noRepositoryScope));
        RepositoryPicker.Choices refused = picker.repositories(erin, "acme-team");
        assertTrue(refused.error());
        assertTrue(refused.problem().startsWith("Bitbucket Cloud did not list the repositories of 'acme-team': ")
                && refused.problem().contains("read:repository:bitbucket"), refused.problem());
        assertEquals(0, fixture.requestsDuring(() -> {
            RepositoryPicker.Choices checked = picker.check(erin, "acme-team", "widgets");
            assertEquals(refused.problem(), checked.problem(), "the field's check shows it too (core's combobox drops a failed fill)");
        }));

        ApiTokenCredential revoked = ApiTokenCredential.of("acme-team", "alice@acme.test", SecretLeakWatch.secret("ATATT3-not-a-real-token"));
        RepositoryPicker.Choices unauthorized = picker.repositories(new RepositoryPicker.Editor("alice", true, owning(revoked)),
                "acme-team");
        assertTrue(unauthorized.error() && unauthorized.problem().contains("did not list"), unauthorized.problem());
    }
}
