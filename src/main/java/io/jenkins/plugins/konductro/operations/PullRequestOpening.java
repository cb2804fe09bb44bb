package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.DefaultReviewer;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.NewPullRequest;
import io.jenkins.plugins.konductro.bitbucket.PullRequest;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.PullRequestResult.SkippedReviewer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Opens a ticket's pull request, or finds the one already open from its branch. */
final class PullRequestOpening {
    private final BitbucketClient client;
    private final PullRequestCreation creation;

    PullRequestOpening(BitbucketClient client) {
        this.client = client;
        this.creation = new PullRequestCreation(client);
    }

    /** See {@link KonductroOperations#openPullRequest}. */
    PullRequestResult open(Developer developer, PullRequestDraft draft) throws IOException {
        TicketKey key = TicketKey.of(draft.ticket());
        RepositoryRef repository = draft.repository();
        String sourceBranch = BranchNames.requireValid(draft.sourceBranch(), Messages.BranchNames_sourceBranchArgument());
        String destinationBranch = draft.destination() == null || draft.destination().isBlank()
                ? null : BranchNames.requireValid(draft.destination(), Messages.BranchNames_destinationBranchArgument());
        if (sourceBranch.equals(destinationBranch)) {
            throw new InvalidInputException(Messages.PullRequestOpening_sameBranches(sourceBranch));
        }
        String body = PullRequestText.description(draft.description(), draft.acceptanceCriteria(), draft.criteriaAsTasks());
        String prTitle = PullRequestText.title(key, draft.title(), sourceBranch);
        List<SkippedReviewer> skipped = new ArrayList<>();
        List<String> reviewers = RequestedReviewers.named(draft.reviewerUuids(), developer.accountUuid(), skipped);
        ApiTokenCredential credential = SameWorkspace.credentialOf(developer, repository);

        Optional<PullRequest> open = client.findPullRequest(credential, repository, sourceBranch, true);
        if (open.isPresent()) {
            return result(open.get(), false, skipped, List.of(), null);
        }
        List<DefaultReviewer> defaults = List.of();
        String defaultsRefused = null;
        if (draft.defaultReviewers()) {
            try {
                defaults = client.effectiveDefaultReviewers(credential, repository).stream().filter(d -> d.uuid() != null).toList();
            } catch (BitbucketException.MissingScope | BitbucketException.AccessDenied | BitbucketException.NotFound e) {
                defaultsRefused = e.getMessage(); // the pull request matters more than its default reviewers
            }
        }
        NewPullRequest request = new NewPullRequest(prTitle, body, sourceBranch, destinationBranch,
                RequestedReviewers.withDefaults(reviewers, defaults, developer.accountUuid()), draft.closeSourceBranch());
        try {
            Map<String, String> displayNames = new HashMap<>();
            defaults.forEach(d -> displayNames.put(d.uuid(), d.displayName()));
            return result(creation.createWithAcceptedReviewers(credential, repository, request, skipped, displayNames),
                    true, skipped, defaults, defaultsRefused);
        } catch (BitbucketException.BadRequest e) {
            if (!e.bitbucketMessage().toLowerCase(Locale.ROOT).contains("no changes to be pulled")) {
                throw e;
            }
            String because = destinationBranch == null
                    ? Messages.PullRequestOpening_nothingToPullIntoMain(sourceBranch, e.bitbucketMessage())
                    : Messages.PullRequestOpening_nothingToPull(sourceBranch, destinationBranch, e.bitbucketMessage());
            throw new BitbucketException.BadRequest(because, e.bitbucketMessage(), e.fields());
        }
    }

    private static PullRequestResult result(PullRequest pr, boolean created, List<SkippedReviewer> skipped,
            List<DefaultReviewer> defaults, String defaultsRefused) {
        return new PullRequestResult(pr.id(), pr.url(), pr.state(), pr.title(), created, pr.reviewerUuids(), skipped, defaults,
                defaultsRefused);
    }
}
