package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.Developer;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.PullRequestStatus;
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
            Developer developer = developer(build, request.credentialsId(), repo);
            PullRequestStatus status = operations.pullRequestStatus(developer, lookup);
            PullRequestRead read;
            try {
                read = PullRequestRead.withProgress(repo, status, operations.acceptanceProgress(developer, repo, status.id()));
            } catch (BitbucketException e) { // the state is what was asked for; its progress is extra
                read = PullRequestRead.progressUnknown(repo, status, e.getMessage());
            }
            long now = System.currentTimeMillis();
            RecordedPullRequest recorded = new RecordedPullRequest(repo.fullName(), status.id(), request.ticket(),
                    lookup.sourceBranch(), status.title(), status.state(), status.url(), now);
            build.record().recordPullRequest(read.acceptance() == null ? recorded
                    : recorded.withTasks(read.acceptance().total(), read.acceptance().resolved(), now));
            return finish(build, read, StepTexts.pullRequestRead(read, repo));
        });
    }
}
