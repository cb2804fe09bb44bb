package io.jenkins.plugins.konductro.usecases;

/** The kinds of job that run Konductro's steps, and how each names them. */
public enum JobKind {
    PIPELINE("konductroStartBranch", "konductroPushSpec", "konductroOpenPr", "konductroPrStatus"),
    FREESTYLE("Konductro: start the ticket's branch", "Konductro: push the ticket's spec",
            "Konductro: open the ticket's pull request", "Konductro: read the pull request's status");

    private final String startBranch;
    private final String pushSpec;
    private final String openPullRequest;
    private final String pullRequestStatus;

    JobKind(String startBranch, String pushSpec, String openPullRequest, String pullRequestStatus) {
        this.startBranch = startBranch;
        this.pushSpec = pushSpec;
        this.openPullRequest = openPullRequest;
        this.pullRequestStatus = pullRequestStatus;
    }

    /** The display name of a freestyle build step, its function name in Pipeline. */
    public String startBranch() {
        return startBranch;
    }

    public String pushSpec() {
        return pushSpec;
    }

    public String openPullRequest() {
        return openPullRequest;
    }

    public String pullRequestStatus() {
        return pullRequestStatus;
    }
}
