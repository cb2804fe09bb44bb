package org.kohsuke.stapler;

// Compile-only stub (see src/jenkins-api/README.md).
public interface StaplerFallback {
}
