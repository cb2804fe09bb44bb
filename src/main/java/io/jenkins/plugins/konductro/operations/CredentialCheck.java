package io.jenkins.plugins.konductro.operations;

/**
 * The outcome of verifying a credential: who it authenticates and their role in the workspace, or the
 * one reason it fails and the field to fix.
 */
public record CredentialCheck(
        boolean valid, String accountUuid, String displayName, String workspace, String permission, Field field, String problem) {

    /** The credential form field a failure points at; {@code null} when no field is to blame. */
    public enum Field { WORKSPACE, EMAIL, TOKEN }

    static CredentialCheck passed(String accountUuid, String displayName, String workspace, String permission) {
        return new CredentialCheck(true, accountUuid, displayName, workspace, permission, null, null);
    }

    static CredentialCheck failed(Field field, String problem) {
        return new CredentialCheck(false, null, null, null, null, field, problem);
    }

    /** "Authenticated as Alice Doe ({uuid}) — member of acme-team", or the problem. */
    public String summary() {
        return valid ? Messages.CredentialCheck_authenticated(displayName, accountUuid, permission, workspace) : problem;
    }
}
