package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.DefaultReviewer;
import java.util.List;

/**
 * An opened (or found) pull request and what became of each requested reviewer.
 *
 * @param defaultReviewers the repository's effective default reviewers that were asked for (none for a pull request
 *                         found open, whose reviewers are left as they are)
 * @param defaultReviewersRefused why Bitbucket would not list the default reviewers, when it refused (the pull request
 *                         was opened without them); {@code null} otherwise
 */
public record PullRequestResult(long id, String url, String state, String title, boolean created, List<String> reviewersAdded,
        List<SkippedReviewer> reviewersSkipped, List<DefaultReviewer> defaultReviewers, String defaultReviewersRefused) {

    public PullRequestResult {
        reviewersAdded = List.copyOf(reviewersAdded);
        reviewersSkipped = List.copyOf(reviewersSkipped);
        defaultReviewers = List.copyOf(defaultReviewers);
    }

    /** A requested reviewer that is not on the pull request, and why. */
    public record SkippedReviewer(String uuid, String reason) {}
}
