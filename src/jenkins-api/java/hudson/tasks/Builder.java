package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
    // Implemented by the real class; needed because Describable.getDescriptor() is abstract.
    @Override
    public Descriptor<Builder> getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
