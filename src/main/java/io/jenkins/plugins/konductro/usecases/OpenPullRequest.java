package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.DefaultReviewer;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.AcceptanceTasks;
import io.jenkins.plugins.konductro.operations.Developer;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.PullRequestDraft;
import io.jenkins.plugins.konductro.operations.PullRequestResult;
import io.jenkins.plugins.konductro.operations.PullRequestResult.SkippedReviewer;
import io.jenkins.plugins.konductro.operations.TasksIncomplete;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens the ticket's pull request with its acceptance criteria, or finds the one already open, then makes each
 * criterion a task of it. Reviewers are Jenkins users, turned into Bitbucket accounts through the
 * {@link ReviewerDirectory} and back for the log and the result; the repository's default reviewers are added to a new
 * pull request when the step or the job's setting asks for them.
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
            boolean asTasks = request.acceptanceTasks() == null || request.acceptanceTasks();
            // The job's setting asks for them on every pull request; a step asks for them on its own.
            boolean withDefaults = Boolean.TRUE.equals(request.defaultReviewers()) || build.setting().defaultReviewers();
            Developer developer = developer(build, request.credentialsId(), repo);
            ReviewerSelection selection = ReviewerSelection.of(build.reviewers(), request.reviewers(), repo.workspace(),
                    build.credentials().actingUserId(), developer.accountUuid());
            PullRequestResult pr = operations.openPullRequest(developer, PullRequestDraft.of(repo, request.ticket(), source)
                    .withTitle(request.title()).withDescription(request.description())
                    .withAcceptanceCriteria(request.acceptanceCriteria()).withDestination(destination)
                    .withReviewers(selection.accountUuids()).withCloseSourceBranch(request.closeSourceBranch())
                    .withCriteriaAsTasks(asTasks).withDefaultReviewers(withDefaults));

            Map<String, DefaultReviewer> defaults = pr.defaultReviewers().stream().collect(Collectors.toMap(
                    d -> d.uuid().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
            Reviewers reviewers = new Reviewers();
            if (pr.defaultReviewersRefused() != null) {
                build.console().println(StepTexts.defaultReviewersRefused(repo, pr.defaultReviewersRefused()));
            }
            selection.skipped().forEach((userId, reason) -> reviewers.skip(build, reviewers.skipped, userId, reason));
            for (SkippedReviewer refused : pr.reviewersSkipped()) {
                DefaultReviewer byDefault = defaults.get(refused.uuid().toLowerCase(Locale.ROOT));
                if (byDefault != null && !selection.accounts().containsKey(refused.uuid().toLowerCase(Locale.ROOT))) {
                    reviewers.skip(build, reviewers.defaultSkipped, StepTexts.defaultReviewer(byDefault), refused.reason());
                } else {
                    reviewers.skip(build, reviewers.skipped, selection.userIdOf(refused.uuid()), refused.reason());
                }
            }
            for (String uuid : pr.reviewersAdded()) {
                DefaultReviewer byDefault = defaults.get(uuid.toLowerCase(Locale.ROOT));
                if (byDefault != null && !selection.accounts().containsKey(uuid.toLowerCase(Locale.ROOT))) {
                    reviewers.defaultAdded.add(StepTexts.defaultReviewer(byDefault));
                } else {
                    reviewers.added.add(selection.userIdOf(uuid));
                }
            }
            RecordedPullRequest recorded = new RecordedPullRequest(repo.fullName(), pr.id(), ticket.value(), source,
                    pr.title(), pr.state(), pr.url(), System.currentTimeMillis());
            build.record().recordPullRequest(recorded);

            AcceptanceTasks tasks = new AcceptanceTasks(List.of(), List.of(), null);
            if (asTasks && !request.acceptanceCriteria().isEmpty()) {
                try {
                    tasks = operations.acceptanceTasks(developer, repo, pr.id(), request.acceptanceCriteria(), pr.created());
                } catch (TasksIncomplete e) {
                    build.console().println(StepTexts.withLink(StepTexts.pullRequestOpened(pr, repo, source), pr.url()));
                    throw new StepFailure(e.getMessage());
                }
                build.record().recordPullRequest(recorded.withTasks(tasks.progress().total(), tasks.progress().resolved(),
                        System.currentTimeMillis()));
            }
            PullRequestOpened opened = new PullRequestOpened(repo, pr, reviewers.added, reviewers.skipped,
                    reviewers.defaultAdded, reviewers.defaultSkipped, tasks.created(), tasks.existing());
            return finish(build, opened, StepTexts.pullRequestOpened(opened, repo, source));
        });
    }

    /** Who became a reviewer, and who did not, by where they came from. */
    private static final class Reviewers {
        final List<String> added = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        final List<String> defaultAdded = new ArrayList<>();
        final List<String> defaultSkipped = new ArrayList<>();

        void skip(RunningBuild build, List<String> into, String who, String reason) {
            into.add(who);
            build.console().println(StepTexts.reviewerNotAdded(who, reason));
        }
    }
}
