package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;

/** Which pull request to read: by {@code id}, or the latest from {@code sourceBranch}; exactly one is given. */
public record PullRequestLookup(RepositoryRef repository, Long id, String sourceBranch) {

    public static PullRequestLookup byId(RepositoryRef repository, long id) {
        return new PullRequestLookup(repository, id, null);
    }

    public static PullRequestLookup bySourceBranch(RepositoryRef repository, String sourceBranch) {
        return new PullRequestLookup(repository, null, sourceBranch);
    }
}
