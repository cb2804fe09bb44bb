package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.util.List;

/**
 * A ticket's pull request to open from {@code sourceBranch}.
 *
 * @param title         {@code null} for one made from the branch words, led by the ticket key
 * @param destination   {@code null} for the repository's main branch
 * @param reviewerUuids Bitbucket account UUIDs
 */
public record PullRequestDraft(RepositoryRef repository, String ticket, String sourceBranch, String title, String description,
        List<String> acceptanceCriteria, String destination, List<String> reviewerUuids, boolean closeSourceBranch) {

    public PullRequestDraft {
        acceptanceCriteria = acceptanceCriteria == null ? List.of() : acceptanceCriteria.stream().toList();
        reviewerUuids = reviewerUuids == null ? List.of() : reviewerUuids.stream().toList();
    }

    public static PullRequestDraft of(RepositoryRef repository, String ticket, String sourceBranch) {
        return new PullRequestDraft(repository, ticket, sourceBranch, null, null, List.of(), null, List.of(), false);
    }

    public PullRequestDraft withTitle(String title) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch);
    }

    public PullRequestDraft withDescription(String description) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch);
    }

    public PullRequestDraft withAcceptanceCriteria(List<String> acceptanceCriteria) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch);
    }

    public PullRequestDraft withDestination(String destination) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch);
    }

    public PullRequestDraft withReviewers(List<String> reviewerUuids) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch);
    }

    public PullRequestDraft withCloseSourceBranch(boolean closeSourceBranch) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch);
    }
}
