package jenkins.widgets;

// Compile-only stub (see src/jenkins-api/README.md).
public interface HasWidgets {
}
