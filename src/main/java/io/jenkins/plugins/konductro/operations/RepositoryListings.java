package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workspaces' repository lists as each Jenkins user's own token sees them, kept for a short time: a settings form asks
 * for the list as the user picks and types, and the list is the same for the next minute. One user's list is never
 * given to another (their tokens may see different repositories), nor read with another token of theirs.
 */
final class RepositoryListings {
    static final Duration LIFETIME = Duration.ofMinutes(2);
    /** A refusal (missing scope, no access) is kept briefly, so that a form's fill and check cost one request. */
    static final Duration REFUSAL_LIFETIME = Duration.ofSeconds(15);
    static final int MAX_ENTRIES = 500;

    private record Key(String user, String workspace) {}

    private record Listing(String tokenSha256, List<String> slugs, BitbucketException refusal, long expiresAtNanos) {}

    private final BitbucketClient client;
    private final Map<Key, Listing> listings = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Listing> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    /**
     * One lock per user and workspace recently listed, so that who asks while a list is read waits for it; at most as
     * many as the listings kept (a lock forgotten while in use costs at most one more request).
     */
    private final BoundedMap<Key, Object> locks = new BoundedMap<>(MAX_ENTRIES);

    RepositoryListings(BitbucketClient client) {
        this.client = client;
    }

    /**
     * The slugs of the repositories of the credential's workspace that {@code user}'s token lists.
     *
     * @throws BitbucketException Bitbucket's refusal (401, 403 for a missing scope, 404), or unreachable
     */
    List<String> slugs(String user, ApiTokenCredential credential) throws IOException {
        Key key = new Key(user, credential.workspace());
        String tokenSha256 = VerificationCache.sha256(credential.email() + ":" + credential.token());
        // Who asks while the list is being read waits for it rather than asking again.
        synchronized (locks.computeIfAbsent(key, k -> new Object())) {
            Listing cached;
            synchronized (listings) {
                cached = listings.get(key);
            }
            if (cached != null && cached.tokenSha256().equals(tokenSha256) && System.nanoTime() - cached.expiresAtNanos() < 0) {
                if (cached.refusal() != null) {
                    throw cached.refusal();
                }
                return cached.slugs();
            }
            Listing fresh;
            try {
                fresh = new Listing(tokenSha256, List.copyOf(client.listRepositories(credential, credential.workspace())), null,
                        System.nanoTime() + LIFETIME.toNanos());
            } catch (BitbucketException.AuthenticationFailed | BitbucketException.MissingScope
                    | BitbucketException.AccessDenied | BitbucketException.NotFound e) {
                remember(key, new Listing(tokenSha256, null, e, System.nanoTime() + REFUSAL_LIFETIME.toNanos()));
                throw e;
            }
            remember(key, fresh);
            return fresh.slugs();
        }
    }

    /** How many per-user locks are kept (tests). */
    int locksKept() {
        return locks.size();
    }

    private void remember(Key key, Listing listing) {
        synchronized (listings) {
            listings.put(key, listing);
        }
    }
}
