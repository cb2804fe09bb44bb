package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.userproperty.UserPropertyCategory;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class UserPropertyDescriptor extends Descriptor<UserProperty> {
    protected UserPropertyDescriptor() {
    }

    public abstract UserProperty newInstance(User user);

    public boolean isEnabled() {
        throw new UnsupportedOperationException("stub");
    }

    public @NonNull UserPropertyCategory getUserPropertyCategory() {
        throw new UnsupportedOperationException("stub");
    }
}
