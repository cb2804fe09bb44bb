package io.jenkins.plugins.konductro.credentials;

import com.cloudbees.plugins.credentials.CredentialsNameProvider;
import com.cloudbees.plugins.credentials.NameWith;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.util.Secret;

/**
 * A developer's own Atlassian API token for one Bitbucket Cloud workspace, with the account it was verified as.
 * Lives only in the developer's personal credential store.
 */
@NameWith(BitbucketApiTokenCredentials.NameProvider.class)
public interface BitbucketApiTokenCredentials extends StandardCredentials {

    /** The workspace slug: the part after {@code bitbucket.org/} in the repository URLs. */
    @NonNull
    String getWorkspace();

    /** The Atlassian account e-mail, the user name of HTTP Basic authentication. */
    @NonNull
    String getEmail();

    @NonNull
    Secret getApiToken();

    /** Recorded when the credential was verified; {@code null} if it was created without the form. */
    @CheckForNull
    String getAccountUuid();

    /** The Bitbucket display name recorded when the credential was verified. */
    @CheckForNull
    String getAccountName();

    /** Lists the credential as {@code email @ workspace}. */
    final class NameProvider extends CredentialsNameProvider<BitbucketApiTokenCredentials> {
        @NonNull
        @Override
        public String getName(@NonNull BitbucketApiTokenCredentials credentials) {
            return credentials.getEmail() + " @ " + credentials.getWorkspace();
        }
    }
}
