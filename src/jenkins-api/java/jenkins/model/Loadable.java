package jenkins.model;

// Compile-only stub (see src/jenkins-api/README.md).
public interface Loadable {
}
