package com.cloudbees.plugins.credentials;

import hudson.model.ModelObject;
import java.io.Serializable;

// Compile-only stub (see src/jenkins-api/README.md).
// Each constant has a body and the two methods are abstract, as in the real enum: so the enum is
// abstract (not implicitly final), as the real class file is.
public enum CredentialsScope implements Serializable {
    SYSTEM {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stub");
        }

        @Override
        public boolean isVisible(ModelObject context) {
            throw new UnsupportedOperationException("stub");
        }
    },
    GLOBAL {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stub");
        }

        @Override
        public boolean isVisible(ModelObject context) {
            throw new UnsupportedOperationException("stub");
        }
    },
    USER {
        @Override
        public String getDisplayName() {
            throw new UnsupportedOperationException("stub");
        }

        @Override
        public boolean isVisible(ModelObject context) {
            throw new UnsupportedOperationException("stub");
        }
    };

    public abstract String getDisplayName();

    public abstract boolean isVisible(ModelObject context);
}
