package hudson.security;

// Compile-only stub (see src/jenkins-api/README.md).
public final class Permission {
    // Placeholder: the real public constructors (taking PermissionGroup) are not stubbed.
    private Permission() {
    }
}
