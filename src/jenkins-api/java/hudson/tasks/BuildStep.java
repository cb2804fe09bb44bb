package hudson.tasks;

// Compile-only stub (see src/jenkins-api/README.md).
// Its abstract methods are all implemented by BuildStepCompatibilityLayer and Builder, so none is declared.
public interface BuildStep {
}
