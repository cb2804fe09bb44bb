package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.Branch;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * The main branch of the repositories used most recently: its name is kept for a while (it rarely changes), its head
 * is always read.
 */
final class MainBranches {
    private record CachedName(String name, long readAtNanos) {}

    private final BitbucketClient client;
    private final Duration nameLifetime;
    private final BoundedMap<RepositoryRef, CachedName> names;

    MainBranches(BitbucketClient client, Duration nameLifetime, int maxRepositories) {
        this.client = client;
        this.nameLifetime = nameLifetime;
        this.names = new BoundedMap<>(maxRepositories);
    }

    /** The main branch and its head: one request while its name is kept (and still a branch), else the name is read again. */
    Branch head(ApiTokenCredential credential, RepositoryRef repository) throws IOException {
        CachedName cached = names.get(repository);
        if (cached != null && System.nanoTime() - cached.readAtNanos() < nameLifetime.toNanos()) {
            Optional<Branch> head = client.branch(credential, repository, cached.name());
            if (head.isPresent()) {
                return head.get();
            }
            names.remove(repository, cached); // deleted or renamed since it was read
        }
        String main = client.mainBranch(credential, repository);
        names.put(repository, new CachedName(main, System.nanoTime()));
        return client.branch(credential, repository, main).orElseThrow(() -> new BitbucketException.NotFound(
                Messages.MainBranches_noCommits(main, repository.fullName())));
    }

    /** How many names are kept. */
    int kept() {
        return names.size();
    }
}
