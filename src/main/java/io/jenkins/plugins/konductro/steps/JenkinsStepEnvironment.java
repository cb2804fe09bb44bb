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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** A running Pipeline step's build, log, workspace and user, as {@link StepEnvironment} offers them. */
final class JenkinsStepEnvironment implements StepEnvironment {
    private final KonductroOperations operations;
    private final BuildCredentials credentials;
    private final UserReviewerDirectory reviewers;
    private final RememberedBranches branches;
    private final PrintStream console;
    private final WorkspaceFiles workspace;

    private JenkinsStepEnvironment(Run<?, ?> run, TaskListener listener, FilePath workspace, Authentication user) {
        this.operations = KonductroService.operations();
        this.credentials = new BuildCredentials(run, user);
        this.reviewers = new UserReviewerDirectory(run.getParent());
        this.branches = RememberedBranches.of(run);
        this.console = listener.getLogger();
        this.workspace = workspace == null ? null : (path, maxBytes) -> read(workspace, path, maxBytes);
    }

    /**
     * The step runs under the build's authentication (the execution captured it when the step started): with
     * Authorize Project's "Run as User who Triggered Build" that is the developer, otherwise SYSTEM.
     */
    static StepEnvironment of(StepContext context) throws IOException, InterruptedException {
        return new JenkinsStepEnvironment(context.get(Run.class), context.get(TaskListener.class),
                context.get(FilePath.class), SecurityContextHolder.getContext().getAuthentication());
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

    @Override
    public KonductroOperations operations() {
        return operations;
    }

    @Override
    public PersonalCredentials credentials() {
        return credentials;
    }

    @Override
    public ReviewerDirectory reviewers() {
        return reviewers;
    }

    @Override
    public BranchMemory branches() {
        return branches;
    }

    @Override
    public PrintStream console() {
        return console;
    }

    @Override
    public WorkspaceFiles workspace() {
        return workspace;
    }
}
