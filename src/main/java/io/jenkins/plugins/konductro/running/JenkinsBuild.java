package io.jenkins.plugins.konductro.running;

import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.konductro.credentials.BuildCredentials;
import io.jenkins.plugins.konductro.credentials.UserReviewerDirectory;
import io.jenkins.plugins.konductro.pages.KonductroBuildAction;
import io.jenkins.plugins.konductro.project.ProjectSetting;
import io.jenkins.plugins.konductro.usecases.BuildRecord;
import io.jenkins.plugins.konductro.usecases.JobKind;
import io.jenkins.plugins.konductro.usecases.JobSetting;
import io.jenkins.plugins.konductro.usecases.PersonalCredentials;
import io.jenkins.plugins.konductro.usecases.ReviewerDirectory;
import io.jenkins.plugins.konductro.usecases.RunningBuild;
import io.jenkins.plugins.konductro.usecases.StepFailure;
import io.jenkins.plugins.konductro.usecases.UseCaseTexts;
import io.jenkins.plugins.konductro.usecases.WorkspaceFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.LinkOption;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** A Jenkins build, Pipeline or freestyle, as the use cases see it. */
public record JenkinsBuild(JobKind kind, Run<?, ?> run, PersonalCredentials credentials,
        JobSetting setting, ReviewerDirectory reviewers,
        BuildRecord record, PrintStream console, Optional<WorkspaceFiles> workspace) implements RunningBuild {

    /**
     * A step runs under the build's authentication (a Pipeline step's execution captured it when the step started; a
     * freestyle build's executor runs the whole build under it): with Authorize Project's "Run as User who Triggered
     * Build" that is the developer, otherwise SYSTEM.
     *
     * @param workspace the build's workspace, or {@code null} where it has none
     */
    public static RunningBuild of(JobKind kind, Run<?, ?> run, FilePath workspace, TaskListener listener) {
        return new JenkinsBuild(kind, run, new BuildCredentials(run, SecurityContextHolder.getContext().getAuthentication()),
                ProjectSetting.of(run.getParent()), new UserReviewerDirectory(), KonductroBuildAction.of(run).record(), listener.getLogger(),
                Optional.ofNullable(workspace).map(root -> (path, maxBytes) -> read(kind, root, path, maxBytes)));
    }

    /** Saves build.xml with the record (Konductro's action is one of the run's actions). */
    @Override
    public void save() throws IOException {
        run.save();
    }

    private static byte[] read(JobKind kind, FilePath workspace, String path, int maxBytes)
            throws IOException, InterruptedException, StepFailure {
        // A checkout can hold links: one to $JENKINS_HOME/secrets/… would have its target committed to Bitbucket.
        // Nothing is read through a link, in the path or at its end, nor from outside the workspace, on any node.
        if (!workspace.isDescendant(path)) {
            throw new StepFailure(UseCaseTexts.fileOutsideWorkspace(kind.pushSpec(), path));
        }
        FilePath file = workspace.child(path);
        if (!file.exists()) {
            throw new StepFailure(Messages.JenkinsBuild_fileMissing(kind.pushSpec(), path));
        }
        try (InputStream in = file.read(workspace, LinkOption.NOFOLLOW_LINKS)) {
            return in.readNBytes(maxBytes);
        } catch (IOException e) {
            if (refusedAsLink(e)) {
                throw new StepFailure(UseCaseTexts.fileThroughLink(kind.pushSpec(), path));
            }
            throw e;
        }
    }

    /** Core's refusal of a link under the root; from an agent it arrives wrapped by the remoting pipe. */
    private static boolean refusedAsLink(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException && cause.getMessage() != null && cause.getMessage().endsWith("Symlinks are prohibited.")) {
                return true;
            }
        }
        return false;
    }
}
