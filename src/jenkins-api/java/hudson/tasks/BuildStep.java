package hudson.tasks;

import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.BuildListener;
import java.io.IOException;

// Compile-only stub (see src/jenkins-api/README.md).
// Its other abstract methods are implemented by BuildStepCompatibilityLayer and Builder, so they are not declared.
public interface BuildStep {
    boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws InterruptedException, IOException;
}
