package io.jenkins.plugins.konductro.usecases;

import java.util.function.Supplier;

/** The kinds of job that run Konductro's steps, and how each names them. */
public enum JobKind {
    PIPELINE(() -> "konductroStartBranch", () -> "konductroPushSpec", () -> "konductroOpenPr", () -> "konductroPrStatus"),
    // Asked for each time: a display name is in the language of whoever is looking.
    FREESTYLE(Messages::JobKind_freestyleStartBranch, Messages::JobKind_freestylePushSpec,
            Messages::JobKind_freestyleOpenPullRequest, Messages::JobKind_freestylePullRequestStatus);

    private final Supplier<String> startBranch;
    private final Supplier<String> pushSpec;
    private final Supplier<String> openPullRequest;
    private final Supplier<String> pullRequestStatus;

    JobKind(Supplier<String> startBranch, Supplier<String> pushSpec, Supplier<String> openPullRequest,
            Supplier<String> pullRequestStatus) {
        this.startBranch = startBranch;
        this.pushSpec = pushSpec;
        this.openPullRequest = openPullRequest;
        this.pullRequestStatus = pullRequestStatus;
    }

    /** The display name of a freestyle build step, its function name in Pipeline. */
    public String startBranch() {
        return startBranch.get();
    }

    public String pushSpec() {
        return pushSpec.get();
    }

    public String openPullRequest() {
        return openPullRequest.get();
    }

    public String pullRequestStatus() {
        return pullRequestStatus.get();
    }
}
