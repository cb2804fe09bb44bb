package io.jenkins.plugins.konductro.credentials;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import hudson.model.Cause;
import hudson.model.Run;
import hudson.model.User;
import hudson.security.ACL;
import io.jenkins.plugins.konductro.usecases.PersonalCredentials;
import io.jenkins.plugins.konductro.usecases.StoredCredential;
import io.jenkins.plugins.konductro.usecases.VerifiedAccount;
import java.io.IOException;
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

    /** A person: neither SYSTEM nor anonymous. */
    public static boolean isDeveloper(Authentication authentication) {
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
                .map(credentials -> token(credentials, null));
    }

    /** Per the credentials plugin, a build may use its user's own credentials only with Credentials › UseOwn on the job. */
    @Override
    public boolean actingUserMayUseOwn() {
        return user != null && run.getParent().hasPermission2(user, CredentialsProvider.USE_OWN);
    }

    @Override
    public boolean actingUserStartedThisBuild() {
        Cause.UserIdCause started = user == null ? null : run.getCause(Cause.UserIdCause.class);
        // As Jenkins compares user ids (a realm may answer another letter case than the id in the cause).
        return started != null && started.getUserId() != null && User.idStrategy().equals(user.getName(), started.getUserId());
    }

    @Override
    public List<StoredCredential> ownedByActingUser() {
        if (user == null) {
            return List.of();
        }
        return CredentialsProvider.lookupCredentialsInItem(BitbucketApiTokenCredentials.class, run.getParent(), user, List.of())
                .stream()
                .filter(BuildCredentials::isPersonal)
                .map(credentials -> token(credentials, user.getName()))
                .toList();
    }

    @Override
    public void recordOwnAccount(VerifiedAccount account) throws IOException {
        User owner = user == null ? null : User.getById(user.getName(), false);
        if (owner != null) {
            BitbucketAccountsProperty.record(owner, account);
        }
    }

    /** This type can be created only in personal stores, where credentials are USER-scoped; anything else is refused. */
    static boolean isPersonal(BitbucketApiTokenCredentials credentials) {
        return credentials.getScope() == CredentialsScope.USER;
    }

    private StoredCredential token(BitbucketApiTokenCredentials credentials, String owner) {
        return new StoredCredential(credentials.getId(), credentials.getWorkspace(), credentials.getEmail(), owner, () -> {
                    CredentialsProvider.track(run, credentials);
                    return credentials.getApiToken().getPlainText();
                });
    }
}
