package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What verifying each token answered, for a bounded time: a token is verified at most once per lifetime however many
 * steps use it, and a save that Jenkins binds twice asks Bitbucket once. Kept by (workspace, e-mail, SHA-256 of the
 * token); the token itself is not kept. A failure to reach Bitbucket is kept only for a moment: long enough for the
 * second binding of the same save, not for the user's next try.
 */
final class VerificationCache {
    static final int MAX_ENTRIES = 1_000;

    private record Key(String workspace, String email, String tokenSha256) {}

    private record Remembered(CredentialCheck check, long expiresAtNanos) {}

    /** Verifies a credential against Bitbucket. */
    interface Verification {
        CredentialCheck verify(ApiTokenCredential credential) throws InterruptedIOException;
    }

    private final Duration validLifetime;
    private final Duration refusalLifetime;
    private final Duration unreachableLifetime;
    private final Map<Key, Remembered> entries = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Remembered> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /**
     * @param validLifetime   how long a credential that passed is trusted
     * @param refusalLifetime how long a refusal is repeated without asking again: long enough for one save, short
     *                        enough that a fixed token (or a new workspace membership) is seen at the next try
     * @param unreachableLifetime how long "Bitbucket could not be asked" is repeated: one save's two bindings
     */
    VerificationCache(Duration validLifetime, Duration refusalLifetime, Duration unreachableLifetime) {
        this.validLifetime = validLifetime;
        this.refusalLifetime = refusalLifetime;
        this.unreachableLifetime = unreachableLifetime;
    }

    CredentialCheck verify(ApiTokenCredential credential, Verification verification) throws InterruptedIOException {
        Key key = new Key(credential.workspace(), credential.email().toLowerCase(java.util.Locale.ROOT),
                sha256(credential.token()));
        synchronized (entries) {
            Remembered entry = entries.get(key);
            if (entry != null && System.nanoTime() - entry.expiresAtNanos() < 0) {
                return entry.check();
            }
            entries.remove(key);
        }
        CredentialCheck check = verification.verify(credential);
        Duration lifetime = check.valid() ? validLifetime : check.field() != null ? refusalLifetime : unreachableLifetime;
        if (!lifetime.isZero()) {
            synchronized (entries) {
                entries.put(key, new Remembered(check, System.nanoTime() + lifetime.toNanos()));
            }
        }
        return check;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(Messages.VerificationCache_noSha256(), e);
        }
    }
}
