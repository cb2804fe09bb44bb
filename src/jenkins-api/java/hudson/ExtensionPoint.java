package hudson;

// Compile-only stub (see src/jenkins-api/README.md).
public interface ExtensionPoint {
}
