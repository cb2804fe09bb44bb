package com.cloudbees.plugins.credentials.common;

import edu.umd.cs.findbugs.annotations.NonNull;

// Compile-only stub (see src/jenkins-api/README.md).
public interface StandardCredentials extends IdCredentials {
    @NonNull
    String getDescription();
}
