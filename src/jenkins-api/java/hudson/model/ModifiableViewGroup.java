package hudson.model;

// Compile-only stub (see src/jenkins-api/README.md).
public interface ModifiableViewGroup extends ViewGroup {
}
