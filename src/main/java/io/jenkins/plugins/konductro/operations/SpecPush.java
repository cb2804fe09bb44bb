package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.Branch;
import io.jenkins.plugins.konductro.bitbucket.FileCommit;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

/** Writes a ticket's spec on its branch, committing on top of the head it read, a bounded number of times. */
final class SpecPush {
    static final int MAX_COMMIT_ATTEMPTS = 3;

    private final BitbucketClient client;

    SpecPush(BitbucketClient client) {
        this.client = client;
    }

    /** See {@link KonductroOperations#pushSpec}. */
    SpecResult push(Developer developer, SpecUpdate request) throws IOException {
        TicketKey key = TicketKey.of(request.ticket());
        RepositoryRef repository = request.repository();
        String branchName = BranchNames.requireValid(request.branch(), Messages.BranchNames_branchArgument());
        byte[] spec = SpecContent.require(request.content());
        String message = request.message();
        ApiTokenCredential credential = SameWorkspace.credentialOf(developer, repository);
        String path = key.specPath();

        byte[] specWeStartedFrom = null;
        String lastParent = null;
        boolean mayHaveCommitted = false;
        for (int attempt = 1; ; attempt++) {
            Branch head = client.branch(credential, repository, branchName).orElseThrow(() -> new BitbucketException.NotFound(
                    Messages.SpecPush_branchMissing(branchName, repository.fullName())));
            byte[] current = client.readFile(credential, repository, head.hash(), path).orElse(null);
            if (Arrays.equals(current, spec)) {
                // Identical content: nothing to commit, unless an unanswered attempt of ours is what put it there.
                return new SpecResult(path, head.hash(), mayHaveCommitted && !head.hash().equals(lastParent),
                        WebLinks.file(repository, head.hash(), path));
            }
            if (lastParent != null && !Arrays.equals(current, specWeStartedFrom)) {
                throw new BitbucketException.Conflict(Messages.SpecPush_changedMeanwhile(path, branchName, head.hash()));
            }
            specWeStartedFrom = current;
            lastParent = head.hash();
            FileCommit commit = new FileCommit(branchName, head.hash(), commitMessage(key, message, current == null),
                    developer.commitAuthor(), Map.of(path, spec));
            try {
                client.commitFiles(credential, repository, commit);
            } catch (BitbucketException.Conflict | BitbucketException.NoAnswer e) {
                mayHaveCommitted |= e instanceof BitbucketException.NoAnswer;
                if (attempt >= MAX_COMMIT_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            Branch newHead = client.branch(credential, repository, branchName).orElseThrow(() -> new BitbucketException.NotFound(
                    Messages.SpecPush_branchDisappeared(branchName)));
            return new SpecResult(path, newHead.hash(), true, WebLinks.file(repository, newHead.hash(), path));
        }
    }

    /** The message given, or {@code <TICKET>: add ticket spec} (or {@code update}, when there is one already). */
    private static String commitMessage(TicketKey key, String given, boolean newSpec) {
        if (given != null && !given.isBlank()) {
            return given.strip();
        }
        return newSpec ? Messages.SpecPush_addCommitMessage(key.value()) : Messages.SpecPush_updateCommitMessage(key.value());
    }
}
