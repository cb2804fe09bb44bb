package hudson.model;

import hudson.ExtensionPoint;

// Compile-only stub (see src/jenkins-api/README.md).
public interface TopLevelItem extends Item, ExtensionPoint, Describable<TopLevelItem> {
}
