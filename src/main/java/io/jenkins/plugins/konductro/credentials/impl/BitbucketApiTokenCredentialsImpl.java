package io.jenkins.plugins.konductro.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.UserCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.BaseStandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Descriptor;
import hudson.model.User;
import hudson.util.FormValidation;
import hudson.util.Secret;
import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.credentials.BitbucketApiTokenCredentials;
import io.jenkins.plugins.konductro.credentials.CredentialForm;
import io.jenkins.plugins.konductro.operations.CredentialCheck;
import io.jenkins.plugins.konductro.usecases.VerifiedAccount;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Bitbucket Cloud API token (Konductro)". Saving verifies the token against its workspace first: a credential
 * that does not authenticate is never stored, and one that does records the account UUID and display name with the
 * credential (shown as "Verified as") and on its owner's Jenkins user ({@link BitbucketAccountsProperty}), where
 * other users' pull requests find them as a reviewer. Nothing recorded here is trusted by a build: each verifies.
 */
public final class BitbucketApiTokenCredentialsImpl extends BaseStandardCredentials implements BitbucketApiTokenCredentials {
    private static final long serialVersionUID = 1L;

    private final @NonNull String workspace;
    private final @NonNull String email;
    private final @NonNull Secret apiToken;
    private final @CheckForNull String accountUuid;
    private final @CheckForNull String accountName;

    /**
     * @param scope ignored: this type lives only in a user's personal store, whose credentials are {@code USER}-scoped
     * @throws Descriptor.FormException when Bitbucket does not accept the token: nothing is saved, and the store's
     *         page shows the message, which starts with the label of the field to fix (core 2.479 does not mark the
     *         field itself). From the Add dialog of a credentials picker the same refusal is an
     *         {@link IllegalArgumentException}: the picker's page then shows its message in the notification bar,
     *         where for a FormException it shows only "Credentials creation failed".
     */
    @DataBoundConstructor
    public BitbucketApiTokenCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
            @CheckForNull String description, String workspace, String email, Secret apiToken)
            throws Descriptor.FormException {
        super(CredentialsScope.USER, id, description);
        SaveChecks checks = SaveChecks.current();
        CredentialCheck check = checks.verify(workspace, email, apiToken);
        if (!check.valid()) {
            String refusal = CredentialForm.saveRefusal(check);
            if (checks.fromAddDialog()) {
                throw new IllegalArgumentException(refusal);
            }
            throw new Descriptor.FormException(refusal, CredentialForm.fieldOf(check));
        }
        checks.recordOwnAccount(new VerifiedAccount(check.workspace(), check.accountUuid(), check.displayName()));
        this.workspace = BitbucketInputs.workspaceSlug(workspace);
        this.email = BitbucketInputs.email(email);
        this.apiToken = apiToken;
        this.accountUuid = check.accountUuid();
        this.accountName = check.displayName();
    }

    @NonNull
    @Override
    public String getWorkspace() {
        return workspace;
    }

    @NonNull
    @Override
    public String getEmail() {
        return email;
    }

    @NonNull
    @Override
    public Secret getApiToken() {
        return apiToken;
    }

    @CheckForNull
    @Override
    public String getAccountUuid() {
        return accountUuid;
    }

    @CheckForNull
    @Override
    public String getAccountName() {
        return accountName;
    }

    @Extension
    @Symbol("bitbucketCloudApiToken")
    public static final class DescriptorImpl extends BaseStandardCredentialsDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BitbucketApiTokenCredentialsImpl_DisplayName();
        }

        /** Personal stores only: Konductro acts as each developer, never as a shared account. */
        @Override
        public boolean isApplicable(CredentialsProvider provider) {
            return provider instanceof UserCredentialsProvider;
        }

        /**
         * The Verify button: the same check as saving, on the values in the form, for a logged-in user. Whose store
         * it is for cannot be told (the button's request carries no store, and a personal store takes credentials
         * from its owner only), so what guards it is the login and the per-user limit on checks that saving shares
         * ({@link SaveChecks}): Jenkins is not a way to test tokens in bulk. (Credentials/Create on the user
         * themselves would always pass: a user has full control of their own record.)
         */
        @POST
        public FormValidation doVerify(@QueryParameter String workspace, @QueryParameter String email,
                @QueryParameter Secret apiToken) {
            User owner = User.current();
            if (owner == null) {
                return FormValidation.error(Messages.BitbucketApiTokenCredentialsImpl_personalOnly());
            }
            CredentialCheck check = SaveChecks.current().verify(workspace, email, apiToken);
            return check.valid() ? FormValidation.ok(check.summary()) : FormValidation.error(check.summary());
        }

        public FormValidation doCheckWorkspace(@QueryParameter String value) {
            return toValidation(CredentialForm.workspaceProblem(value));
        }

        public FormValidation doCheckEmail(@QueryParameter String value) {
            return toValidation(CredentialForm.emailProblem(value));
        }

        /** Refuses app passwords and access tokens as they are typed; whether the token works is Verify's job. */
        @POST
        public FormValidation doCheckApiToken(@QueryParameter Secret value) {
            return toValidation(CredentialForm.tokenProblem(Secret.toString(value)));
        }

        private static FormValidation toValidation(String problem) {
            return problem == null ? FormValidation.ok() : FormValidation.error(problem);
        }
    }
}
