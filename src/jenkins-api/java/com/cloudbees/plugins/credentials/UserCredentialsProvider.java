package com.cloudbees.plugins.credentials;

// Compile-only stub (see src/jenkins-api/README.md). The real class carries @hudson.Extension; omitted.
public class UserCredentialsProvider extends CredentialsProvider {
}
