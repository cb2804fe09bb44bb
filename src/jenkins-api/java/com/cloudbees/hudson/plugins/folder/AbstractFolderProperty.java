package com.cloudbees.hudson.plugins.folder;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;
import hudson.model.ReconfigurableDescribable;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class AbstractFolderProperty<C extends AbstractFolder<?>> extends AbstractDescribableImpl<AbstractFolderProperty<?>>
        implements ExtensionPoint, ReconfigurableDescribable<AbstractFolderProperty<?>> {
    @Override
    public AbstractFolderPropertyDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
