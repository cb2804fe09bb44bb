package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.Developer;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.PullRequestDraft;
import io.jenkins.plugins.konductro.operations.PullRequestResult.SkippedReviewer;
import io.jenkins.plugins.konductro.operations.PullRequestResult;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Opens the ticket's pull request with its acceptance criteria, or finds the one already open. Reviewers are Jenkins
 * users, turned into Bitbucket accounts through the {@link ReviewerDirectory} and back for the log and the result.
 */
public final class OpenPullRequest extends UseCase {

    public OpenPullRequest(KonductroOperations operations) {
        super(operations);
    }

    public PullRequestOpened run(OpenPullRequestRequest request, RunningBuild build)
            throws IOException, InterruptedException, StepFailure {
        return expected(() -> {
            RepositoryRef repo = build.setting().linked().choose(request.repository(), build.kind().openPullRequest());
            TicketKey ticket = TicketKey.of(request.ticket());
            String source = branchOrStarted(build, request.sourceBranch(), repo, ticket, build.kind().openPullRequest());
            String destination = request.destination() != null ? request.destination()
                    : source.equals(build.record().branchFor(repo, ticket).orElse(null))
                            ? build.record().mainBranchFor(repo, ticket).orElse(null) : null;
            Developer developer = developer(build, request.credentialsId(), repo);
            ReviewerSelection selection = ReviewerSelection.of(build.reviewers(), request.reviewers(), repo.workspace(),
                    build.credentials().actingUserId(), developer.accountUuid());
            PullRequestResult pr = operations.openPullRequest(developer, PullRequestDraft.of(repo, request.ticket(), source)
                    .withTitle(request.title()).withDescription(request.description())
                    .withAcceptanceCriteria(request.acceptanceCriteria()).withDestination(destination)
                    .withReviewers(selection.accountUuids()).withCloseSourceBranch(request.closeSourceBranch()));

            List<String> skipped = new ArrayList<>();
            selection.skipped().forEach((userId, reason) -> {
                skipped.add(userId);
                build.console().println(StepTexts.reviewerNotAdded(userId, reason));
            });
            for (SkippedReviewer refused : pr.reviewersSkipped()) {
                String userId = selection.userIdOf(refused.uuid());
                skipped.add(userId);
                build.console().println(StepTexts.reviewerNotAdded(userId, refused.reason()));
            }
            PullRequestOpened opened = new PullRequestOpened(repo, pr,
                    pr.reviewersAdded().stream().map(selection::userIdOf).toList(), skipped);
            build.record().recordPullRequest(new RecordedPullRequest(repo.fullName(), pr.id(), ticket.value(), source,
                    pr.title(), pr.state(), pr.url(), System.currentTimeMillis()));
            return finish(build, opened, StepTexts.pullRequestOpened(opened, repo, source));
        });
    }
}
