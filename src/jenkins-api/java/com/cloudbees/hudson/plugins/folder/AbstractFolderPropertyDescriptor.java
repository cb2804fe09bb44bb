package com.cloudbees.hudson.plugins.folder;

import hudson.model.Descriptor;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class AbstractFolderPropertyDescriptor extends Descriptor<AbstractFolderProperty<?>> {
}
