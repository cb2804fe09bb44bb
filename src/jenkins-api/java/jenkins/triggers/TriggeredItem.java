package jenkins.triggers;

import hudson.model.Item;

// Compile-only stub (see src/jenkins-api/README.md).
public interface TriggeredItem extends Item {
}
