package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;
import org.jenkins.ui.icon.IconSpec;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class CredentialsDescriptor extends Descriptor<Credentials> implements IconSpec {
    protected CredentialsDescriptor() {
    }

    public boolean isApplicable(CredentialsProvider provider) {
        throw new UnsupportedOperationException("stub");
    }
}
