package org.jvnet.hudson.annotation_indexer;

// Compile-only stub (see src/jenkins-api/README.md).
public interface Validator {}
