package io.jenkins.plugins.konductro.operations;

import java.util.List;

/** An opened (or found) pull request and what became of each requested reviewer. */
public record PullRequestResult(long id, String url, String state, String title, boolean created, List<String> reviewersAdded,
        List<SkippedReviewer> reviewersSkipped) {

    public PullRequestResult {
        reviewersAdded = List.copyOf(reviewersAdded);
        reviewersSkipped = List.copyOf(reviewersSkipped);
    }

    /** A requested reviewer that is not on the pull request, and why. */
    public record SkippedReviewer(String uuid, String reason) {}
}
