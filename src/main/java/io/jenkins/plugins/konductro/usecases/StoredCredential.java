package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import java.util.function.Supplier;

/**
 * A developer's stored Konductro credential as a build sees it: what it is for and what verifying it recorded.
 * The token is read only through {@link #unlock()}, for the one credential a step uses.
 *
 * @param accountUuid the Bitbucket account UUID recorded when the credential was verified; {@code null} when it was
 *                    created without the form (REST, CLI)
 */
public record StoredCredential(String id, String workspace, String email, String accountUuid, String displayName,
        Supplier<String> token) {

    public ApiTokenCredential unlock() {
        return ApiTokenCredential.of(workspace, email, token.get());
    }

    @Override
    public String toString() {
        return "'" + id + "' (" + email + " @ " + workspace + ")";
    }
}
