package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.PullRequestLookup;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;

/** Reads a pull request's state (OPEN, MERGED, DECLINED or SUPERSEDED). */
public final class ReadPullRequestStatus extends UseCase {

    public ReadPullRequestStatus(KonductroOperations operations) {
        super(operations);
    }

    public PullRequestRead run(PullRequestStatusRequest request, RunningBuild build)
            throws IOException, InterruptedException, StepFailure {
        return expected(() -> {
            RepositoryRef repo = build.setting().linked().choose(request.repository(), build.kind().pullRequestStatus());
            String source = request.sourceBranch();
            if (request.id() == null && source == null) {
                if (request.ticket() == null) {
                    throw new StepFailure(StepTexts.noPullRequestChosen(build.kind()));
                }
                source = branchOrStarted(build, null, repo, TicketKey.of(request.ticket()), build.kind().pullRequestStatus());
            }
            PullRequestLookup lookup = new PullRequestLookup(repo, request.id() == null ? null : request.id().longValue(), source);
            PullRequestRead read = new PullRequestRead(repo, operations.pullRequestStatus(
                    developer(build, request.credentialsId(), repo), lookup));
            build.record().recordPullRequest(new RecordedPullRequest(repo.fullName(), read.status().id(), request.ticket(),
                    lookup.sourceBranch(), read.status().title(), read.status().state(), read.status().url(),
                    System.currentTimeMillis()));
            return finish(build, read, StepTexts.pullRequestRead(read, repo));
        });
    }
}
