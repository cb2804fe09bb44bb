package io.jenkins.plugins.konductro.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Whose token a step uses: the rules of issue 3 §4, on the plugin's own lookup seam. */
class CredentialResolverTest {

    private final InMemoryCredentials credentials = new InMemoryCredentials("alice");
    private final Map<String, StoredCredential> parameters = credentials.parameters;
    private final List<StoredCredential> own = credentials.own;

    private static StoredCredential token(String id, String workspace) {
        return new StoredCredential(id, workspace, id + "@acme.test", null, () -> {
            throw new AssertionError("choosing a credential never reads its token");
        });
    }

    @Test
    void withoutAnIdTheActingUsersOwnCredentialForTheWorkspaceIsUsed() throws Exception {
        own.add(token("alice-other", "other-team"));
        own.add(token("alice-acme", "acme-team"));
        assertEquals("alice-acme", CredentialResolver.choose(credentials, null, "acme-team").id());
        assertEquals("alice-acme", CredentialResolver.choose(credentials, "  ", "acme-team").id());
    }

    @Test
    void anIdIsLookedUpForTheBuildFirstThenAmongTheUsersOwn() throws Exception {
        parameters.put("param-token", token("param-token", "acme-team"));
        own.add(token("alice-acme", "acme-team"));
        assertEquals("param-token", CredentialResolver.choose(credentials, "param-token", "acme-team").id());
        assertEquals("alice-acme", CredentialResolver.choose(credentials, "alice-acme", "acme-team").id());
    }

    @Test
    void aBuildRunningAsSystemHasOnlyItsCredentialsParameter() throws Exception {
        credentials.actingUser = null;
        own.add(token("alice-acme", "acme-team"));
        parameters.put("chosen", token("chosen", "acme-team"));
        assertEquals("chosen", CredentialResolver.choose(credentials, "chosen", "acme-team").id());

        String none = assertThrows(StepFailure.class, () -> CredentialResolver.choose(credentials, null, "acme-team"))
                .getMessage();
        assertTrue(none.contains("runs as SYSTEM"), none);
        assertTrue(none.contains("no shared account"), none);
        assertTrue(none.contains("\"Run as User who Triggered Build\""), none);
        assertTrue(none.contains("Credentials build parameter"), none);

        String unknownId = assertThrows(StepFailure.class,
                () -> CredentialResolver.choose(credentials, "alice-acme", "acme-team")).getMessage();
        assertTrue(unknownId.contains("'alice-acme'") && unknownId.contains("runs as SYSTEM"), unknownId);
    }

    @Test
    void noCredentialForTheWorkspaceSaysWhereToAddOne() {
        own.add(token("alice-other", "other-team"));
        String message = assertThrows(StepFailure.class, () -> CredentialResolver.choose(credentials, null, "acme-team"))
                .getMessage();
        assertTrue(message.startsWith("alice has no Bitbucket Cloud API token (Konductro) for workspace 'acme-team'"), message);
        assertTrue(message.contains("alice adds one, logged in as alice: their name in the page header › Credentials"), message);
    }

    @Test
    /** Issue 16, item 5: the log says how many and how to choose, not which ids, e-mails or workspaces. */
    void severalCredentialsForTheWorkspaceAreCountedNotListedAndNoneIsGuessed() {
        own.add(token("alice-1", "acme-team"));
        own.add(token("alice-2", "acme-team"));
        String message = assertThrows(StepFailure.class, () -> CredentialResolver.choose(credentials, null, "acme-team"))
                .getMessage();
        assertTrue(message.contains("alice has 2 Konductro credentials for workspace 'acme-team'") && message.contains("credentialsId"), message);
        assertFalse(message.contains("alice-1") || message.contains("alice-2") || message.contains("@"), message);
    }

    @Test
    void aCredentialForAnotherWorkspaceIsRefusedWithoutItsEmailOrWorkspace() {
        own.add(token("alice-other", "other-team"));
        String message = assertThrows(StepFailure.class,
                () -> CredentialResolver.choose(credentials, "alice-other", "acme-team")).getMessage();
        assertTrue(message.contains("Credential 'alice-other' is for another workspace than the repository's ('acme-team')"), message);
        assertFalse(message.contains("other-team") || message.contains("@"), message);
    }

    /**
     * Issue 16, item 2: a downstream build that runs as alice because a build she started triggered it does not get her
     * own credentials (the credentials plugin does not follow the chain either); a Credentials parameter still works.
     */
    @Test
    void aBuildTheActingUserDidNotStartGetsNoneOfTheirOwnCredentials() throws Exception {
        own.add(token("alice-acme", "acme-team"));
        parameters.put("KONDUCTRO_TOKEN", token("chosen-by-who-started-it", "acme-team"));
        credentials.startedByActingUser = false;
        for (String id : new String[] {null, "alice-acme"}) {
            String message = assertThrows(StepFailure.class, () -> CredentialResolver.choose(credentials, id, "acme-team"))
                    .getMessage();
            assertTrue(message.contains("alice did not start it") && message.contains("Credentials build parameter"), message);
        }
        assertEquals("chosen-by-who-started-it", CredentialResolver.choose(credentials, "KONDUCTRO_TOKEN", "acme-team").id());
        credentials.startedByActingUser = true;
        assertEquals("alice-acme", CredentialResolver.choose(credentials, null, "acme-team").id());
    }

    @Test
    void anUnknownIdIsNamed() {
        String message = assertThrows(StepFailure.class,
                () -> CredentialResolver.choose(credentials, "typo", "acme-team")).getMessage();
        assertTrue(message.contains("'typo'") && message.contains("alice's own credentials"), message);
    }

    @Test
    void theActingUsersOwnCredentialsNeedTheirUseOwnPermission() throws Exception {
        own.add(token("alice-acme", "acme-team"));
        parameters.put("param-token", token("param-token", "acme-team"));
        credentials.mayUseOwn = false;
        for (String id : new String[] {null, "alice-acme"}) {
            String message = assertThrows(StepFailure.class, () -> CredentialResolver.choose(credentials, id, "acme-team"))
                    .getMessage();
            assertTrue(message.contains("Credentials › UseOwn"), message);
            assertTrue(message.contains("Credentials build parameter"), message);
        }
        assertEquals("param-token", CredentialResolver.choose(credentials, "param-token", "acme-team").id(),
                "a credential handed over by a parameter needs no UseOwn");
    }
}
