package io.jenkins.plugins.konductro.credentials;

/** No usable credential for a build, and what the developer can do about it. */
public final class CredentialProblem extends Exception {
    private static final long serialVersionUID = 1L;

    public CredentialProblem(String message) {
        super(message);
    }
}
