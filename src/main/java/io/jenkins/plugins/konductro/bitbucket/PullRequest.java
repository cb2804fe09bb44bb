package io.jenkins.plugins.konductro.bitbucket;

import java.util.List;

/**
 * A pull request as Konductro shows it. {@code mergeCommit} is null until merged and may be an
 * abbreviated hash; {@code updatedOn} is Bitbucket's ISO-8601 text.
 */
public record PullRequest(
        long id,
        String title,
        String state,
        String url,
        String sourceBranch,
        String destinationBranch,
        String updatedOn,
        String mergeCommit,
        String authorUuid,
        List<String> reviewerUuids) {

    public PullRequest {
        reviewerUuids = List.copyOf(reviewerUuids);
    }
}
