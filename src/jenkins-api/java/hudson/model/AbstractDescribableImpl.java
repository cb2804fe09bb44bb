package hudson.model;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class AbstractDescribableImpl<T extends AbstractDescribableImpl<T>> implements Describable<T> {
    @Override
    public Descriptor<T> getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
