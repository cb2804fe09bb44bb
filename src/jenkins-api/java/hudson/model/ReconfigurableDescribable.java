package hudson.model;

// Compile-only stub (see src/jenkins-api/README.md).
public interface ReconfigurableDescribable<T extends ReconfigurableDescribable<T>> extends Describable<T> {
}
