package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;

/**
 * A ticket's branch to start.
 *
 * @param name the branch to create; {@code null} for {@code feature/<TICKET>-<summary words>}
 * @param from the branch or full commit SHA to start from; {@code null} for the main branch
 */
public record NewBranch(RepositoryRef repository, String ticket, String summary, String name, String from) {

    public static NewBranch of(RepositoryRef repository, String ticket) {
        return new NewBranch(repository, ticket, null, null, null);
    }

    public NewBranch withSummary(String summary) {
        return new NewBranch(repository, ticket, summary, name, from);
    }

    public NewBranch withName(String name) {
        return new NewBranch(repository, ticket, summary, name, from);
    }

    public NewBranch withFrom(String from) {
        return new NewBranch(repository, ticket, summary, name, from);
    }
}
