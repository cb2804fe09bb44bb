package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.SpecUpdate;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.IOException;

/** Commits the ticket's spec, given as text or read from a workspace file, as {@code .tickets/<TICKET>.md}. */
public final class PushSpec extends UseCase {

    public PushSpec(KonductroOperations operations) {
        super(operations);
    }

    public SpecPushed run(PushSpecRequest request, RunningBuild build) throws IOException, InterruptedException, StepFailure {
        return expected(() -> {
            RepositoryRef repo = build.setting().linked().choose(request.repository(), build.kind().pushSpec());
            TicketKey ticket = TicketKey.of(request.ticket());
            if ((request.spec() == null) == (request.file() == null)) {
                throw new StepFailure(StepTexts.specOrFile(build.kind(), request.spec() == null));
            }
            String branch = branchOrStarted(build, request.targetBranch(), repo, ticket, build.kind().pushSpec());
            SpecUpdate update = request.file() == null
                    ? SpecUpdate.of(repo, request.ticket(), branch, request.spec())
                    : SpecUpdate.of(repo, request.ticket(), branch, readFile(build, request.file()));
            SpecPushed pushed = new SpecPushed(repo, operations.pushSpec(developer(build, request.credentialsId(), repo),
                    update.withMessage(request.message())));
            build.record().rememberSpec(repo, ticket, pushed.spec().commit());
            return finish(build, pushed, StepTexts.specPushed(pushed, repo, branch));
        });
    }

    private static byte[] readFile(RunningBuild build, String file) throws IOException, InterruptedException, StepFailure {
        requireInsideWorkspace(build.kind(), file);
        WorkspaceFiles workspace = build.workspace()
                .orElseThrow(() -> new StepFailure(StepTexts.noWorkspace(build.kind(), file)));
        // One byte over the limit is enough for the operation to refuse the spec with its size message.
        return workspace.read(file, KonductroOperations.MAX_SPEC_BYTES + 1);
    }

    /** Refused before anything is read: an absolute path, or one that climbs out with {@code ..}. */
    private static void requireInsideWorkspace(JobKind kind, String file) throws StepFailure {
        String path = file.replace('\\', '/');
        boolean absolute = path.startsWith("/") || path.matches("[A-Za-z]:.*") || path.startsWith("~");
        if (absolute || java.util.Arrays.asList(path.split("/")).contains("..")) {
            throw new StepFailure(StepTexts.fileOutsideWorkspace(kind, file));
        }
    }
}
