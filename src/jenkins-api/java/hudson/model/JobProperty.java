package hudson.model;

import hudson.ExtensionPoint;
import hudson.Launcher;
import java.io.IOException;
import hudson.tasks.BuildStep;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class JobProperty<J extends Job<?, ?>> implements ReconfigurableDescribable<JobProperty<?>>, BuildStep, ExtensionPoint {
    @Override
    public boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws InterruptedException, IOException {
        throw new UnsupportedOperationException("stub");
    }

    // Implemented by the real class; needed because Describable.getDescriptor() is abstract.
    @Override
    public JobPropertyDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
