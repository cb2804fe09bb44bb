package com.cloudbees.plugins.credentials.domains;

import hudson.ExtensionPoint;
import java.io.Serializable;

// Compile-only stub (see src/jenkins-api/README.md).
public class DomainRequirement implements ExtensionPoint, Serializable {
}
