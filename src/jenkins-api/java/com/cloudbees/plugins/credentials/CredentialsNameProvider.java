package com.cloudbees.plugins.credentials;

import edu.umd.cs.findbugs.annotations.NonNull;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class CredentialsNameProvider<C extends Credentials> {
    @NonNull
    public abstract String getName(@NonNull C credentials);
}
