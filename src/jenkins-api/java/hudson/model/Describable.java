package hudson.model;

// Compile-only stub (see src/jenkins-api/README.md).
// getDescriptor() is abstract here, as in core before 2.505.
public interface Describable<T extends Describable<T>> {
    Descriptor<T> getDescriptor();
}
