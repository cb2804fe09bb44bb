package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import java.util.function.Supplier;

/**
 * A developer's stored Konductro credential as a build sees it: what it is for, and whose it is. The token is read
 * only through {@link #unlock()}, for the one credential a step uses. Nothing recorded with it is trusted: a step
 * verifies the token before it acts.
 *
 * @param owner the Jenkins user whose own credential this is, when the build found it among the acting user's
 *              credentials; {@code null} for one a Credentials parameter handed over
 */
public record StoredCredential(String id, String workspace, String email, String owner, Supplier<String> token) {

    public ApiTokenCredential unlock() {
        return ApiTokenCredential.of(workspace, email, token.get());
    }

    @Override
    public String toString() {
        return "'" + id + "' (" + email + " @ " + workspace + ")";
    }
}
