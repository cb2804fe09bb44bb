package hudson.model;

// Compile-only stub (see src/jenkins-api/README.md).
public interface BuildListener extends TaskListener {
}
