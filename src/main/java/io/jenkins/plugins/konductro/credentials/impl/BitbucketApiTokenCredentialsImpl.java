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
import io.jenkins.plugins.konductro.KonductroService;
import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.credentials.BitbucketApiTokenCredentials;
import io.jenkins.plugins.konductro.credentials.CredentialForm;
import io.jenkins.plugins.konductro.operations.CredentialCheck;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Bitbucket Cloud API token (Konductro)". Saving verifies the token against its workspace first: a credential
 * that does not authenticate is never stored, and one that does records the account UUID and display name.
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
     * @throws Descriptor.FormException when Bitbucket does not accept the token: nothing is saved, and Jenkins shows
     *         the message, which starts with the label of the field to fix (core 2.479 does not mark the field itself)
     */
    @DataBoundConstructor
    public BitbucketApiTokenCredentialsImpl(@CheckForNull CredentialsScope scope, @CheckForNull String id,
            @CheckForNull String description, String workspace, String email, Secret apiToken)
            throws Descriptor.FormException {
        super(CredentialsScope.USER, id, description);
        CredentialCheck check = CredentialForm.verify(KonductroService.operations(), workspace, email, Secret.toString(apiToken));
        if (!check.valid()) {
            throw new Descriptor.FormException(CredentialForm.saveRefusal(check), CredentialForm.fieldOf(check));
        }
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
            return CredentialForm.DISPLAY_NAME;
        }

        /** Personal stores only: Konductro acts as each developer, never as a shared account. */
        @Override
        public boolean isApplicable(CredentialsProvider provider) {
            return provider instanceof UserCredentialsProvider;
        }

        /**
         * The Verify button: the same check as saving, on the values in the form. The store's owner is the user
         * asking: a personal store takes credentials from its owner only, and the button's request carries no
         * store, so the page it was opened from cannot tell.
         */
        @POST
        public FormValidation doVerify(@QueryParameter String workspace, @QueryParameter String email,
                @QueryParameter Secret apiToken) {
            User owner = User.current();
            if (owner == null) {
                return FormValidation.error(CredentialForm.PERSONAL_ONLY);
            }
            owner.checkPermission(CredentialsProvider.CREATE);
            CredentialCheck check = CredentialForm.verify(KonductroService.operations(), workspace, email, Secret.toString(apiToken));
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
