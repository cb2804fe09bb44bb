package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import java.io.IOException;
import java.util.Calendar;
import jenkins.model.lazy.LazyBuildMixIn;
import jenkins.scm.RunWithSCM;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R>
        implements Queue.Executable, LazyBuildMixIn.LazyLoadingRun<P, R>, RunWithSCM<P, R> {
    protected AbstractBuild(P job, Calendar timestamp) {
        super(job, timestamp);
    }

    public final @CheckForNull FilePath getWorkspace() {
        throw new UnsupportedOperationException("stub");
    }

    @NonNull
    @Override
    public EnvVars getEnvironment(@NonNull TaskListener log) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }
}
