package hudson.model;

import hudson.ExtensionPoint;
import hudson.tasks.BuildStep;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class JobProperty<J extends Job<?, ?>> implements ReconfigurableDescribable<JobProperty<?>>, BuildStep, ExtensionPoint {
    // Implemented by the real class; needed because Describable.getDescriptor() is abstract.
    @Override
    public JobPropertyDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
