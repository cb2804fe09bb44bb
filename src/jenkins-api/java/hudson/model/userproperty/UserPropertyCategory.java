package hudson.model.userproperty;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.model.ModelObject;

// Compile-only stub (see src/jenkins-api/README.md).
public abstract class UserPropertyCategory implements ExtensionPoint, ModelObject {
    public static @NonNull <T extends UserPropertyCategory> T get(Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }

    public static class Invisible extends UserPropertyCategory {
    }
}
