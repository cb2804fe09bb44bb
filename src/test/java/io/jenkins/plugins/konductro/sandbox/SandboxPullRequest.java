package io.jenkins.plugins.konductro.sandbox;

import java.util.List;

/** A snapshot of one pull request held by the sandbox. */
public record SandboxPullRequest(
        long id,
        String title,
        String description,
        String sourceBranch,
        String destinationBranch,
        String state,
        String authorUuid,
        List<String> reviewerUuids,
        boolean closeSourceBranch) {

    public SandboxPullRequest {
        reviewerUuids = List.copyOf(reviewerUuids);
    }
}
