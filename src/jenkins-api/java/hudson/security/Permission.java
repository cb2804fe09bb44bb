package hudson.security;

// Compile-only stub (see src/jenkins-api/README.md).
public final class Permission {
    // Placeholder: every real constructor takes a PermissionGroup (whose constructors take a Localizable), not stubbed.
    private Permission() {
    }
}
