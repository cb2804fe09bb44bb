package io.jenkins.plugins.konductro.bitbucket;

import java.util.List;

/** What {@code POST .../pullrequests} sends; a null destination means the repository's main branch. */
public record NewPullRequest(
        String title,
        String description,
        String sourceBranch,
        String destinationBranch,
        List<String> reviewerUuids,
        boolean closeSourceBranch) {

    public NewPullRequest {
        reviewerUuids = List.copyOf(reviewerUuids);
    }

    public NewPullRequest withReviewers(List<String> reviewers) {
        return new NewPullRequest(title, description, sourceBranch, destinationBranch, reviewers, closeSourceBranch);
    }
}
