package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.NewPullRequest;
import io.jenkins.plugins.konductro.bitbucket.PullRequest;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.PullRequestResult.SkippedReviewer;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code POST .../pullrequests} with the reviewers Bitbucket accepts, safe after a lost answer. */
final class PullRequestCreation {
    private final BitbucketClient client;

    PullRequestCreation(BitbucketClient client) {
        this.client = client;
    }

    /**
     * Creates the pull request with the reviewers Bitbucket accepts. Bitbucket refuses the whole request for one bad
     * reviewer and names people by display name, which Konductro does not know: when its answer names no UUID,
     * each reviewer is left out in turn (a refused request creates nothing). The one whose absence changes the
     * answer is to blame; when none does, the remaining reviewers are left off together.
     *
     * @param skipped      receives each reviewer left off, with Bitbucket's reason
     * @param displayNames UUID → display name, where known
     */
    PullRequest createWithAcceptedReviewers(ApiTokenCredential credential, RepositoryRef repository,
            NewPullRequest request, List<SkippedReviewer> skipped, Map<String, String> displayNames) throws IOException {
        List<String> pending = request.reviewerUuids();
        BitbucketException.BadRequest known = null; // Bitbucket's answer for pending, when a probe already got it
        while (true) {
            BitbucketException.BadRequest refusal = known;
            known = null;
            if (refusal == null) {
                try {
                    return create(credential, repository, request.withReviewers(pending));
                } catch (BitbucketException.BadRequest e) {
                    if (!isAboutReviewers(e) || pending.isEmpty()) {
                        throw e;
                    }
                    refusal = e;
                }
            }
            List<String> blamed = ReviewerRefusals.named(refusal, pending, displayNames);
            if (blamed.isEmpty() && pending.size() == 1) {
                blamed = pending;
            }
            for (int i = 0; blamed.isEmpty() && i < pending.size(); i++) {
                String candidate = pending.get(i);
                try {
                    PullRequest pr = create(credential, repository, request.withReviewers(without(pending, List.of(candidate))));
                    skipped.add(new SkippedReviewer(candidate, ReviewerRefusals.reason(refusal)));
                    return pr;
                } catch (BitbucketException.BadRequest other) {
                    if (!isAboutReviewers(other)) {
                        throw other;
                    }
                    if (!other.bitbucketMessage().equals(refusal.bitbucketMessage())) {
                        blamed = List.of(candidate);
                        known = other;
                    }
                }
            }
            String reason = blamed.isEmpty() ? ReviewerRefusals.unattributed(refusal) : ReviewerRefusals.reason(refusal);
            List<String> dropped = blamed.isEmpty() ? pending : blamed;
            dropped.forEach(uuid -> skipped.add(new SkippedReviewer(uuid, reason)));
            pending = without(pending, dropped);
        }
    }

    /** {@code POST .../pullrequests}; after a lost answer, the open pull request decides whether to post again. */
    private PullRequest create(ApiTokenCredential credential, RepositoryRef repository, NewPullRequest request)
            throws IOException {
        try {
            return client.createPullRequest(credential, repository, request);
        } catch (BitbucketException.NoAnswer e) {
            Optional<PullRequest> open = client.findPullRequest(credential, repository, request.sourceBranch(), true);
            if (open.isPresent()) {
                return open.get();
            }
            return client.createPullRequest(credential, repository, request);
        }
    }

    private static List<String> without(List<String> reviewers, List<String> left) {
        return reviewers.stream().filter(uuid -> !left.contains(uuid)).toList();
    }

    private static boolean isAboutReviewers(BitbucketException.BadRequest refusal) {
        return refusal.fields().containsKey("reviewers")
                || refusal.bitbucketMessage().toLowerCase(Locale.ROOT).contains("reviewer");
    }
}
