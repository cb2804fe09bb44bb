package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.Branch;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Starts a ticket's branch, or finds it already there. */
final class BranchStart {
    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");

    private final BitbucketClient client;
    private final MainBranches mainBranches;

    BranchStart(BitbucketClient client, MainBranches mainBranches) {
        this.client = client;
        this.mainBranches = mainBranches;
    }

    /** See {@link KonductroOperations#startBranch}. */
    BranchResult start(Developer developer, NewBranch request) throws IOException {
        TicketKey key = TicketKey.of(request.ticket());
        RepositoryRef repository = request.repository();
        String name = request.name() == null || request.name().isBlank()
                ? BranchNames.defaultName(key, request.summary())
                : BranchNames.requireValid(request.name(), Messages.BranchNames_branchArgument());
        String base = request.from() == null || request.from().isBlank()
                ? null : BranchNames.requireValid(request.from(), Messages.BranchNames_baseBranchArgument());
        ApiTokenCredential credential = SameWorkspace.credentialOf(developer, repository);

        Branch main = base == null ? mainBranches.head(credential, repository) : null;
        String baseHash = main != null ? main.hash() : resolveBase(credential, repository, base);
        String mainName = main == null ? null : main.name();
        for (int attempt = 1; ; attempt++) {
            try {
                return result(repository, client.createBranch(credential, repository, name, baseHash), true, mainName);
            } catch (BitbucketException.BadRequest | BitbucketException.Conflict | BitbucketException.NoAnswer e) {
                // Bitbucket does not document its answer for an existing name, and a lost answer may hide a
                // success: the branch itself decides. One found at our base after a lost answer is taken as ours.
                Optional<Branch> existing = client.branch(credential, repository, name);
                if (existing.isPresent()) {
                    boolean ours = e instanceof BitbucketException.NoAnswer && existing.get().hash().equals(baseHash);
                    return result(repository, existing.get(), ours, mainName);
                }
                if (!(e instanceof BitbucketException.NoAnswer) || attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    private String resolveBase(ApiTokenCredential credential, RepositoryRef repository, String base) throws IOException {
        if (FULL_SHA.matcher(base).matches()) {
            return base;
        }
        return client.branch(credential, repository, base).orElseThrow(() -> new BitbucketException.NotFound(
                Messages.BranchStart_baseMissing(base, repository.fullName()))).hash();
    }

    private static BranchResult result(RepositoryRef repository, Branch branch, boolean created, String mainBranch) {
        return new BranchResult(branch.name(), branch.hash(), created, WebLinks.branch(repository, branch.name()), mainBranch);
    }
}
