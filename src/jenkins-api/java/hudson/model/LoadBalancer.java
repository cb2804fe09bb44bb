package hudson.model;

import hudson.ExtensionPoint;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class LoadBalancer implements ExtensionPoint {
}
