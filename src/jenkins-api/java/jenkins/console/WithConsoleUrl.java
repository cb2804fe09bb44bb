package jenkins.console;

// Compile-only stub (see src/jenkins-api/README.md).
public interface WithConsoleUrl {
}
