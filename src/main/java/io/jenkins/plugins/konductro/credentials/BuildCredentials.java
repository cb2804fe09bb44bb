package io.jenkins.plugins.konductro.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Run;
import hudson.security.ACL;
import io.jenkins.plugins.konductro.usecases.PersonalCredentials;
import io.jenkins.plugins.konductro.usecases.StoredCredential;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * The Konductro credentials a running build may use, looked up through the Credentials API as the build's own
 * user: a Credentials parameter's value, or that user's personal credentials. Never a lookup as SYSTEM.
 */
public final class BuildCredentials implements PersonalCredentials {
    private final Run<?, ?> run;
    private final Authentication user;

    /** @param authentication the build's authentication; SYSTEM or anonymous means no developer */
    public BuildCredentials(Run<?, ?> run, Authentication authentication) {
        this.run = run;
        this.user = isDeveloper(authentication) ? authentication : null;
    }

    private static boolean isDeveloper(Authentication authentication) {
        return authentication != null && !ACL.isAnonymous2(authentication)
                && !ACL.SYSTEM2.getName().equals(authentication.getName());
    }

    @Override
    public String actingUserId() {
        return user == null ? null : user.getName();
    }

    @Override
    public Optional<StoredCredential> forBuild(String id) {
        return Optional.ofNullable(CredentialsProvider.findCredentialById(id, BitbucketApiTokenCredentials.class, run))
                .filter(BuildCredentials::isPersonal)
                .map(this::token);
    }

    @Override
    public List<StoredCredential> ownedByActingUser() {
        if (user == null) {
            return List.of();
        }
        return CredentialsProvider.lookupCredentialsInItem(BitbucketApiTokenCredentials.class, run.getParent(), user, List.of())
                .stream()
                .filter(BuildCredentials::isPersonal)
                .map(this::token)
                .toList();
    }

    /** This type can be created only in personal stores, where credentials are USER-scoped; anything else is refused. */
    static boolean isPersonal(BitbucketApiTokenCredentials credentials) {
        return credentials.getScope() == CredentialsScope.USER;
    }

    private StoredCredential token(BitbucketApiTokenCredentials credentials) {
        return new StoredCredential(credentials.getId(), credentials.getWorkspace(), credentials.getEmail(),
                credentials.getAccountUuid(), credentials.getAccountName(), () -> {
                    CredentialsProvider.track(run, credentials);
                    return credentials.getApiToken().getPlainText();
                });
    }
}
