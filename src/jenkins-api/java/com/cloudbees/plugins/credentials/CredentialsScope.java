package com.cloudbees.plugins.credentials;

import java.io.Serializable;

// Compile-only stub (see src/jenkins-api/README.md).
public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL,
    USER
}
