package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.CredentialCheck;
import io.jenkins.plugins.konductro.operations.Developer;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the four use cases share: whose token a step uses, which branch it works on, and what counts as expected. */
abstract class UseCase {
    private static final Logger LOGGER = Logger.getLogger(UseCase.class.getName());

    final KonductroOperations operations;

    UseCase(KonductroOperations operations) {
        this.operations = operations;
    }

    /** The work of a use case, which may fail in the ways {@link #expected(Work)} turns into a {@link StepFailure}. */
    interface Work<T> {
        T run() throws IOException, InterruptedException, StepFailure;
    }

    /**
     * Runs the work. Failures the developer can act on (bad input, Bitbucket's refusals) become a {@link StepFailure}
     * carrying only the message; an interrupted call and anything else keep their type.
     */
    static <T> T expected(Work<T> work) throws IOException, InterruptedException, StepFailure {
        try {
            return work.run();
        } catch (InvalidInputException | BitbucketException e) {
            throw new StepFailure(e.getMessage());
        }
    }

    /**
     * The developer whose token the step uses, as Bitbucket says the token is: nothing stored with the credential is
     * trusted (a credential written through the REST API can claim any account). Verifying is cached per token, so a
     * build's steps ask once. A verified credential of the acting user's own records their account for reviewers.
     */
    Developer developer(RunningBuild build, String credentialsId, RepositoryRef repo) throws StepFailure, IOException {
        StoredCredential stored = CredentialResolver.choose(build.credentials(), credentialsId, repo.workspace());
        ApiTokenCredential credential = stored.unlock();
        CredentialCheck check = operations.verifyCredential(credential);
        if (!check.valid()) {
            throw new StepFailure(StepTexts.credentialDoesNotWork(stored, check.problem()));
        }
        if (stored.owner() != null) { // found among the acting user's own credentials
            try {
                build.credentials().recordOwnAccount(new VerifiedAccount(check.workspace(), check.accountUuid(),
                        check.displayName()));
            } catch (IOException | RuntimeException e) { // bookkeeping for other people's reviewer lists: not this step's work
                LOGGER.log(Level.WARNING, "Could not record the verified Bitbucket account of " + stored.owner(), e);
            }
        }
        return new Developer(credential, check.displayName(), check.accountUuid());
    }

    /** The branch given, else the one started for the ticket earlier in the build. */
    static String branchOrStarted(RunningBuild build, String given, RepositoryRef repo, TicketKey ticket, String step)
            throws StepFailure {
        if (given != null) {
            return given;
        }
        return build.record().branchFor(repo, ticket)
                .orElseThrow(() -> new StepFailure(StepTexts.noBranch(build.kind(), step, repo, ticket)));
    }

    /** Records the result with the build, writes its log line, and returns it. */
    static <R extends KonductroResult> R finish(RunningBuild build, R result, String logLine) {
        build.record().record(result);
        build.console().println(logLine);
        return result;
    }
}
