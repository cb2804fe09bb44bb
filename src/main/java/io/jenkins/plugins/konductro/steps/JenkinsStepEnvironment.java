package io.jenkins.plugins.konductro.steps;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.konductro.KonductroService;
import io.jenkins.plugins.konductro.credentials.BuildCredentials;
import io.jenkins.plugins.konductro.credentials.PersonalCredentials;
import io.jenkins.plugins.konductro.credentials.ReviewerDirectory;
import io.jenkins.plugins.konductro.credentials.UserReviewerDirectory;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.springframework.security.core.context.SecurityContextHolder;

/** A running Pipeline step's build, log, workspace and user, as {@link StepEnvironment} offers them. */
record JenkinsStepEnvironment(KonductroOperations operations, PersonalCredentials credentials, ReviewerDirectory reviewers,
        BranchMemory branches, PrintStream console, WorkspaceFiles workspace) implements StepEnvironment {

    /**
     * The step runs under the build's authentication (the execution captured it when the step started): with
     * Authorize Project's "Run as User who Triggered Build" that is the developer, otherwise SYSTEM.
     */
    static StepEnvironment of(StepContext context) throws IOException, InterruptedException {
        Run<?, ?> run = context.get(Run.class);
        FilePath workspace = context.get(FilePath.class);
        return new JenkinsStepEnvironment(KonductroService.operations(),
                new BuildCredentials(run, SecurityContextHolder.getContext().getAuthentication()),
                new UserReviewerDirectory(run.getParent()),
                RememberedBranches.of(run),
                context.get(TaskListener.class).getLogger(),
                workspace == null ? null : (path, maxBytes) -> read(workspace, path, maxBytes));
    }

    private static byte[] read(FilePath workspace, String path, int maxBytes)
            throws IOException, InterruptedException, StepFailure {
        FilePath file = workspace.child(path);
        if (!file.exists()) {
            throw new StepFailure("konductroPushSpec: file '" + path + "' does not exist in the workspace.");
        }
        try (InputStream in = file.read()) {
            return in.readNBytes(maxBytes);
        }
    }
}
