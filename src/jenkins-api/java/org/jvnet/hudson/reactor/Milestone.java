package org.jvnet.hudson.reactor;

// Compile-only stub (see src/jenkins-api/README.md).
public interface Milestone {}
