package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import edu.umd.cs.findbugs.annotations.NonNull;

// Compile-only stub (see src/jenkins-api/README.md).
public interface IdCredentials extends Credentials {
    @NonNull
    String getId();
}
