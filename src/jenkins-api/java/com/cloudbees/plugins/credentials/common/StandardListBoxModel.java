package com.cloudbees.plugins.credentials.common;

// Compile-only stub (see src/jenkins-api/README.md).
public class StandardListBoxModel extends AbstractIdCredentialsListBoxModel<StandardListBoxModel, StandardCredentials> {
}
