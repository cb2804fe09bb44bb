package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.operations.KonductroOperations;

/** The four use cases over one {@link KonductroOperations}: what every Pipeline step and freestyle build step calls. */
public record KonductroUseCases(StartBranch startBranch, PushSpec pushSpec, OpenPullRequest openPullRequest,
        ReadPullRequestStatus pullRequestStatus) {

    public static KonductroUseCases over(KonductroOperations operations) {
        return new KonductroUseCases(new StartBranch(operations), new PushSpec(operations), new OpenPullRequest(operations),
                new ReadPullRequestStatus(operations));
    }
}
