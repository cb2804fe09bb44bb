package com.cloudbees.plugins.credentials;

import java.io.Serializable;

// Compile-only stub (see src/jenkins-api/README.md).
public interface CredentialsMatcher extends Serializable {
}
