package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.util.List;

/**
 * A ticket's pull request to open from {@code sourceBranch}.
 *
 * @param title            {@code null} for one made from the branch words, led by the ticket key
 * @param destination      {@code null} for the repository's main branch
 * @param reviewerUuids    Bitbucket account UUIDs
 * @param criteriaAsTasks  whether each acceptance criterion becomes a task of the pull request
 * @param defaultReviewers whether the repository's effective default reviewers are added to a new pull request
 */
public record PullRequestDraft(RepositoryRef repository, String ticket, String sourceBranch, String title, String description,
        List<String> acceptanceCriteria, String destination, List<String> reviewerUuids, boolean closeSourceBranch,
        boolean criteriaAsTasks, boolean defaultReviewers) {

    public PullRequestDraft {
        acceptanceCriteria = acceptanceCriteria == null ? List.of() : acceptanceCriteria.stream().toList();
        reviewerUuids = reviewerUuids == null ? List.of() : reviewerUuids.stream().toList();
    }

    /** Criteria become tasks; no default reviewers. */
    public static PullRequestDraft of(RepositoryRef repository, String ticket, String sourceBranch) {
        return new PullRequestDraft(repository, ticket, sourceBranch, null, null, List.of(), null, List.of(), false, true, false);
    }

    public PullRequestDraft withTitle(String title) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch, criteriaAsTasks, defaultReviewers);
    }

    public PullRequestDraft withDescription(String description) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch, criteriaAsTasks, defaultReviewers);
    }

    public PullRequestDraft withAcceptanceCriteria(List<String> acceptanceCriteria) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch, criteriaAsTasks, defaultReviewers);
    }

    public PullRequestDraft withDestination(String destination) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch, criteriaAsTasks, defaultReviewers);
    }

    public PullRequestDraft withReviewers(List<String> reviewerUuids) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch, criteriaAsTasks, defaultReviewers);
    }

    public PullRequestDraft withCloseSourceBranch(boolean closeSourceBranch) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch, criteriaAsTasks, defaultReviewers);
    }

    public PullRequestDraft withCriteriaAsTasks(boolean criteriaAsTasks) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch, criteriaAsTasks, defaultReviewers);
    }

    public PullRequestDraft withDefaultReviewers(boolean defaultReviewers) {
        return new PullRequestDraft(repository, ticket, sourceBranch, title, description, acceptanceCriteria, destination,
                reviewerUuids, closeSourceBranch, criteriaAsTasks, defaultReviewers);
    }
}
