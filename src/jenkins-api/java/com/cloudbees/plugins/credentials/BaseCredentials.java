package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;

// Compile-only stub (see src/jenkins-api/README.md).
public class BaseCredentials implements Credentials {
    protected BaseCredentials() {
    }

    @Override
    @CheckForNull
    public CredentialsScope getScope() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    @NonNull
    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
