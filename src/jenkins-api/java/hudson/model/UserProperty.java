package hudson.model;

import hudson.ExtensionPoint;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class UserProperty implements ReconfigurableDescribable<UserProperty>, ExtensionPoint {
    // Implemented by the real class; needed because Describable.getDescriptor() is abstract.
    @Override
    public UserPropertyDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
