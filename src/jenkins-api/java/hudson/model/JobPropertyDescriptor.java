package hudson.model;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class JobPropertyDescriptor extends Descriptor<JobProperty<?>> {
    protected JobPropertyDescriptor() {
    }
}
