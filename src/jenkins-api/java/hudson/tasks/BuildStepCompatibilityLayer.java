package hudson.tasks;

// Compile-only stub (see src/jenkins-api/README.md).
@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
}
