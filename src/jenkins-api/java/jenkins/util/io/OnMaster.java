package jenkins.util.io;

// Compile-only stub (see src/jenkins-api/README.md).
public interface OnMaster {
}
