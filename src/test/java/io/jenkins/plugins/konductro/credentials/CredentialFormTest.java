package io.jenkins.plugins.konductro.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.credentials.impl.BitbucketApiTokenCredentialsImpl;
import io.jenkins.plugins.konductro.operations.CredentialCheck;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The checks behind the credential form's Verify button and its Save, against the sandbox. */
class CredentialFormTest {
    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private CredentialCheck verify(String workspace, String email, String token) {
        return CredentialForm.verify(new KonductroOperations(fixture.client()), workspace, email, token);
    }

    @Test
    void aGoodTokenReportsWhoItIsAndTheirRoleInTheWorkspace() {
        CredentialCheck check = verify("acme-team", "bob@acme.test", fixture.sandbox().demoToken("bob"));
        assertTrue(check.valid());
        String uuid = fixture.sandbox().user("bob@acme.test").uuid();
        assertEquals(uuid, check.accountUuid());
        assertEquals("Authenticated as Bob Stone (" + uuid + ") — member of acme-team", check.summary());
    }

    @Test
    void eachFailurePointsAtTheFieldToFix() throws Exception {
        String token = fixture.sandbox().demoToken("alice");
        assertField(CredentialForm.WORKSPACE, verify("Acme Team", "alice@acme.test", token));
        assertField(CredentialForm.EMAIL, verify("acme-team", "alice", token));
        int requests = fixture.requestsDuring(() -> verify("acme-team", "alice", token));
        assertEquals(0, requests, "bad input is refused before any request");
        assertField(CredentialForm.WORKSPACE, verify("other-team", "alice@acme.test", token));
        fixture.sandbox().revoke(token);
        CredentialCheck revoked = verify("acme-team", "alice@acme.test", token);
        assertField(CredentialForm.API_TOKEN, revoked);
        assertTrue(CredentialForm.saveRefusal(revoked).startsWith("Not saved. API token: Wrong e-mail or API token"),
                CredentialForm.saveRefusal(revoked));
        SecretLeakWatch.recordLine(CredentialForm.saveRefusal(revoked));
    }

    @Test
    void appPasswordsAndAccessTokensAreRefusedOnTheTokenFieldSayingWhatToUse() {
        String appPassword = SecretLeakWatch.secret(fixture.sandbox().issueAppPassword("alice@acme.test"));
        CredentialCheck check = verify("acme-team", "alice@acme.test", appPassword);
        assertField(CredentialForm.API_TOKEN, check);
        assertTrue(check.problem().contains("API token"), check.problem());
        SecretLeakWatch.recordLine(check.problem());
    }

    @Test
    void theFieldChecksExplainWithoutAskingBitbucket() throws Exception {
        int requests = fixture.requestsDuring(() -> {
            assertTrue(CredentialForm.workspaceProblem("Acme Team").contains("'acme-team'"));
            assertNull(CredentialForm.workspaceProblem("acme-team"));
            assertNull(CredentialForm.workspaceProblem(""), "an empty field is not nagged about");
            assertTrue(CredentialForm.emailProblem("alice").contains("e-mail"));
            assertNull(CredentialForm.emailProblem("alice@acme.test"));
            String appPassword = SecretLeakWatch.secret("ATBB" + "x".repeat(32));
            String problem = CredentialForm.tokenProblem(appPassword);
            assertTrue(problem.contains("app password"), problem);
            SecretLeakWatch.recordLine(problem);
            assertNull(CredentialForm.tokenProblem(fixture.sandbox().demoToken("alice")));
        });
        assertEquals(0, requests);
    }

    @Test
    void theTextsReadWordForWord() {
        assertEquals("More than 1000 token checks (Verify, Create or Save) in a minute. Wait a minute, then try again.",
                CredentialForm.tooManyVerifications(1000));
        assertEquals("has no Bitbucket account recorded for workspace 'acme-team': they save their own Bitbucket Cloud API token "
                + "(Konductro) for it once (logged in as themselves: their name in the page header \u203a Credentials), then "
                + "Konductro can add them", UserReviewerDirectory.noAccount("acme-team"));
        assertEquals("Not saved. Bitbucket Cloud is busy {0}'s", CredentialForm.saveRefusal(
                new CredentialCheck(false, null, null, null, null, null, "Bitbucket Cloud is busy {0}'s")));
    }

    @Test
    void theFieldNamesAreTheCredentialsConstructorParameters() {
        Constructor<?> constructor = Arrays.stream(BitbucketApiTokenCredentialsImpl.class.getConstructors()).findFirst().orElseThrow();
        List<String> parameters = Arrays.stream(constructor.getParameters()).map(Parameter::getName).toList();
        assertEquals(List.of("scope", "id", "description", CredentialForm.WORKSPACE, CredentialForm.EMAIL, CredentialForm.API_TOKEN),
                parameters);
    }

    private static void assertField(String field, CredentialCheck check) {
        assertFalse(check.valid());
        assertEquals(field, CredentialForm.fieldOf(check), check.problem());
    }
}
