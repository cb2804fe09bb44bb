package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;

// Compile-only stub (see src/jenkins-api/README.md).
public class CredentialsMatchers {

    private CredentialsMatchers() {
    }

    @NonNull
    public static CredentialsMatcher withScope(@NonNull CredentialsScope scope) {
        throw new UnsupportedOperationException("stub");
    }
}
