package io.jenkins.plugins.konductro.credentials.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import hudson.model.Descriptor;
import hudson.util.Secret;
import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.SecretLeakWatch;
import io.jenkins.plugins.konductro.credentials.CredentialForm;
import io.jenkins.plugins.konductro.operations.CredentialCheck;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.sandbox.Fault;
import io.jenkins.plugins.konductro.usecases.VerifiedAccount;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Saving the credential, as core's form binding does it: the credential's real constructor, with its checks against
 * the sandbox. The one stand-in is for the token field: Jenkins' {@code Secret} is a compile-only stub here, so the
 * form's {@code Secret} is {@code null} and the checks take the typed token from {@link #typed}.
 */
class CredentialSaveTest {
    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private final List<VerifiedAccount> recorded = new ArrayList<>();
    private String typed;
    private boolean inAddDialog;
    private AutoCloseable checks;

    @BeforeEach
    void savesCheckAgainstTheSandbox() {
        KonductroOperations operations = new KonductroOperations(fixture.client());
        checks = SaveChecks.replacedBy(new SaveChecks() {
            @Override
            public CredentialCheck verify(String workspace, String email, Secret token) {
                return CredentialForm.verify(operations, workspace, email, typed);
            }

            @Override
            public void recordOwnAccount(VerifiedAccount account) {
                recorded.add(account);
            }

            @Override
            public boolean fromAddDialog() {
                return inAddDialog;
            }
        });
    }

    @AfterEach
    void jenkinsChecksAgain() throws Exception {
        checks.close();
    }

    private BitbucketApiTokenCredentialsImpl save(String email, String token) throws Descriptor.FormException {
        typed = token;
        return new BitbucketApiTokenCredentialsImpl(null, "alice-acme", "mine", "acme-team", email, null);
    }

    @Test
    void anAcceptedSaveRecordsTheAccountWithTheCredentialAndOnItsOwner() throws Exception {
        String uuid = fixture.sandbox().user("alice@acme.test").uuid();
        BitbucketApiTokenCredentialsImpl saved = save("alice@acme.test", fixture.sandbox().demoToken("alice"));
        assertEquals(uuid, saved.getAccountUuid());
        assertEquals("Alice Doe", saved.getAccountName());
        assertEquals(List.of(new VerifiedAccount("acme-team", uuid, "Alice Doe")), recorded);
    }

    @Test
    void aRefusedSaveOnTheStorePageNamesTheFieldAndIsCheckedOnceThoughJenkinsBindsItTwice() throws Exception {
        String wrong = SecretLeakWatch.secret("ATATT3" + "z".repeat(186));
        int requests = fixture.requestsDuring(() -> {
            for (int binding = 1; binding <= 2; binding++) { // core's interceptor falls back to the constructor
                Descriptor.FormException refused = SecretLeakWatch.expect(Descriptor.FormException.class,
                        () -> save("alice@acme.test", wrong));
                assertTrue(refused.getMessage().startsWith("Not saved. API token: Wrong e-mail or API token"),
                        refused.getMessage());
            }
        });
        assertEquals(1, requests, "one save, one verification");
        assertEquals(List.of(), recorded);
    }

    @Test
    void aRefusedSaveInTheAddDialogIsAnIllegalArgumentWhoseMessageTheDialogShows() throws Exception {
        inAddDialog = true;
        IllegalArgumentException refused = SecretLeakWatch.expect(IllegalArgumentException.class,
                () -> save("nobody@acme.test", fixture.sandbox().demoToken("alice")));
        assertTrue(refused.getMessage().startsWith("Not saved. API token: Wrong e-mail or API token"), refused.getMessage());
        assertNull(refused.getCause(), "the dialog shows the root cause's message: there must be none but this");
    }

    @Test
    void editingOnlyTheDescriptionDoesNotAskBitbucketAgain() throws Exception {
        save("alice@acme.test", fixture.sandbox().demoToken("alice"));
        assertEquals(0, fixture.requestsDuring(() -> save("alice@acme.test", fixture.sandbox().demoToken("alice"))),
                "the same token within the verification lifetime");
    }

    @Test
    void bitbucketUnreachableRefusesTheSaveOnceForBothBindingsAndTheNextTryAsksAgain() throws Exception {
        fixture.sandbox().inject("GET", ".*/permission", Fault.status(503).times(100));
        int firstBinding = fixture.requestsDuring(() -> {
            Descriptor.FormException refused = SecretLeakWatch.expect(Descriptor.FormException.class,
                    () -> save("alice@acme.test", fixture.sandbox().demoToken("alice")));
            assertTrue(refused.getMessage().startsWith("Not saved. "), refused.getMessage());
        });
        int secondBinding = fixture.requestsDuring(() -> SecretLeakWatch.expect(Descriptor.FormException.class,
                () -> save("alice@acme.test", fixture.sandbox().demoToken("alice"))));
        assertTrue(firstBinding > 0, "the first binding asked (and retried)");
        assertEquals(0, secondBinding, "core's second binding of the same save does not wait for Bitbucket again");
        fixture.sandbox().clearFaults();
        Thread.sleep(2_100); // the moment "unreachable" is kept (KonductroOperations.UNREACHABLE_TTL)
        assertEquals("Alice Doe", save("alice@acme.test", fixture.sandbox().demoToken("alice")).getAccountName(),
                "the user's next try asks Bitbucket again");
    }
}
