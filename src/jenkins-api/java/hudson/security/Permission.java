package hudson.security;

import edu.umd.cs.findbugs.annotations.NonNull;

// Compile-only stub (see src/jenkins-api/README.md).
public final class Permission {
    private Permission(@NonNull PermissionGroup group, @NonNull String name) {
    }
}
