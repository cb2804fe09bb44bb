package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.NewBranch;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;

/** Creates the ticket's feature branch, or finds the one already there, and remembers it for the build's later steps. */
public final class StartBranch extends UseCase {

    public StartBranch(KonductroOperations operations) {
        super(operations);
    }

    public BranchStarted run(StartBranchRequest request, RunningBuild build) throws IOException, InterruptedException, StepFailure {
        return expected(() -> {
            RepositoryRef repo = build.setting().linked().choose(request.repository(), build.kind().startBranch());
            TicketKey ticket = TicketKey.of(request.ticket());
            BranchStarted started = new BranchStarted(repo, operations.startBranch(developer(build, request.credentialsId(), repo),
                    NewBranch.of(repo, request.ticket()).withSummary(request.summary()).withName(request.newBranch())
                            .withFrom(request.from())));
            if (build.record().rememberBranch(repo, ticket, started.branch().branch(), started.branch().mainBranch())) {
                try {
                    build.save(); // a later step of this build must find it even after Jenkins restarts meanwhile
                } catch (IOException e) { // the branch exists: failing the step now would help nobody
                    build.console().println(StepTexts.notSaved(e));
                }
            }
            return finish(build, started, StepTexts.branchCreated(started, repo));
        });
    }
}
