package io.jenkins.plugins.konductro.bitbucket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A developer's personal Atlassian API token for one workspace, sent as HTTP Basic {@code email:token}.
 * The token is never part of {@link #toString()}.
 */
public final class ApiTokenCredential {
    private final String workspace;
    private final String email;
    private final String token;

    private ApiTokenCredential(String workspace, String email, String token) {
        this.workspace = workspace;
        this.email = email;
        this.token = token;
    }

    /** Checks every part before any call; see {@link BitbucketInputs}. */
    public static ApiTokenCredential of(String workspace, String email, String token) {
        return new ApiTokenCredential(
                BitbucketInputs.workspaceSlug(workspace), BitbucketInputs.email(email), BitbucketInputs.apiToken(token));
    }

    public String workspace() {
        return workspace;
    }

    public String email() {
        return email;
    }

    public String token() {
        return token;
    }

    /**
     * A SHA-256 of the workspace, e-mail and token: what tells two accesses apart (a shared answer is joined only by
     * the same access) without holding or showing the token.
     */
    public String accessFingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((workspace + "\n" + email + "\n" + token).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(Messages.ApiTokenCredential_noSha256(), e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiTokenCredential other
                && workspace.equals(other.workspace) && email.equals(other.email) && token.equals(other.token);
    }

    @Override
    public int hashCode() {
        return Objects.hash(workspace, email);
    }

    @Override
    public String toString() {
        return email + " @ " + workspace;
    }
}
