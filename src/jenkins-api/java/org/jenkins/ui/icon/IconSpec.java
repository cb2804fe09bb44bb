package org.jenkins.ui.icon;

// Compile-only stub (see src/jenkins-api/README.md).
public interface IconSpec {
}
