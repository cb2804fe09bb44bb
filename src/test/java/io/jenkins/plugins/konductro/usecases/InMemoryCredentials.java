package io.jenkins.plugins.konductro.usecases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The credentials a build can see, held in memory: the plugin's own lookup seam, which the Jenkins side implements
 * with the Credentials API ({@link BuildCredentials}).
 */
public final class InMemoryCredentials implements PersonalCredentials {
    /** The user the build runs as; {@code null} for SYSTEM. */
    public String actingUser;
    /** Credentials parameters by name. */
    public final Map<String, StoredCredential> parameters = new HashMap<>();
    /** The acting user's personal credentials. */
    public final List<StoredCredential> own = new ArrayList<>();
    /** Whether the acting user holds Credentials › UseOwn on the job. */
    public boolean mayUseOwn = true;
    /** Whether the acting user started this build (not a build they started, which triggered it). */
    public boolean startedByActingUser = true;
    /** The accounts recorded on the acting user, in order. */
    public final List<VerifiedAccount> recorded = new ArrayList<>();

    public InMemoryCredentials(String actingUser) {
        this.actingUser = actingUser;
    }

    @Override
    public String actingUserId() {
        return actingUser;
    }

    @Override
    public Optional<StoredCredential> forBuild(String id) {
        return Optional.ofNullable(parameters.get(id));
    }

    @Override
    public boolean actingUserMayUseOwn() {
        return mayUseOwn;
    }

    @Override
    public boolean actingUserStartedThisBuild() {
        return actingUser != null && startedByActingUser;
    }

    @Override
    public List<StoredCredential> ownedByActingUser() {
        return actingUser == null ? List.of() : List.copyOf(own);
    }

    @Override
    public void recordOwnAccount(VerifiedAccount account) {
        recorded.add(account);
    }
}
