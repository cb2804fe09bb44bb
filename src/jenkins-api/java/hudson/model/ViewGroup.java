package hudson.model;

import hudson.security.AccessControlled;

// Compile-only stub (see src/jenkins-api/README.md).
public interface ViewGroup extends Saveable, ModelObject, AccessControlled {
}
