package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.PullRequest;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.io.IOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Pull requests' states: one for a step, many for the pages people look at. */
final class PullRequestReads {
    private final BitbucketClient client;

    PullRequestReads(BitbucketClient client) {
        this.client = client;
    }

    /** See {@link KonductroOperations#pullRequestStatus}. */
    PullRequestStatus status(Developer developer, PullRequestLookup lookup) throws IOException {
        RepositoryRef repository = lookup.repository();
        Long id = lookup.id();
        String sourceBranch = lookup.sourceBranch();
        boolean byBranch = sourceBranch != null && !sourceBranch.isBlank();
        if ((id == null) == !byBranch) {
            throw new InvalidInputException(byBranch ? Messages.PullRequestReads_idAndBranch()
                    : Messages.PullRequestReads_neitherIdNorBranch());
        }
        if (id != null && id < 1) {
            throw new InvalidInputException(Messages.PullRequestReads_idNotPositive(Long.toString(id)));
        }
        String branch = byBranch ? BranchNames.requireValid(sourceBranch, Messages.BranchNames_branchArgument()) : null;
        ApiTokenCredential credential = SameWorkspace.credentialOf(developer, repository);
        PullRequest pr = byBranch
                ? client.findPullRequest(credential, repository, branch, false).orElseThrow(() -> new BitbucketException.NotFound(
                        Messages.PullRequestReads_noPullRequestFromBranch(branch, repository.fullName())))
                : client.pullRequest(credential, repository, id);
        return status(pr);
    }

    /** See {@link KonductroOperations#pullRequestStates}. */
    Map<Long, PullRequestStatus> states(ApiTokenCredential viewer, RepositoryRef repository, Collection<Long> ids)
            throws IOException {
        SameWorkspace.require(viewer, repository);
        Map<Long, PullRequestStatus> states = new LinkedHashMap<>();
        for (PullRequest pr : client.pullRequests(viewer, repository, ids)) {
            states.put(pr.id(), status(pr));
        }
        return states;
    }

    private static PullRequestStatus status(PullRequest pr) {
        return new PullRequestStatus(pr.id(), pr.state(), pr.url(), pr.title(), pr.updatedOn(), pr.mergeCommit());
    }
}
