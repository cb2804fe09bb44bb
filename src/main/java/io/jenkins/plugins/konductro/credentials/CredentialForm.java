package io.jenkins.plugins.konductro.credentials;

import io.jenkins.plugins.konductro.bitbucket.BitbucketInputs;
import io.jenkins.plugins.konductro.bitbucket.InvalidInputException;
import io.jenkins.plugins.konductro.operations.CredentialCheck;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import java.io.InterruptedIOException;

/** The credential form's rules, shared by saving, the Verify button and the field checks. */
public final class CredentialForm {
    /** The form fields, named as the credential's constructor parameters. */
    public static final String WORKSPACE = "workspace";
    public static final String EMAIL = "email";
    public static final String API_TOKEN = "apiToken";

    private CredentialForm() {}

    /** Verifies the form's values against Bitbucket Cloud. An interrupted check fails and says so. */
    public static CredentialCheck verify(KonductroOperations operations, String workspace, String email, String token) {
        try {
            return operations.verifyCredential(workspace, email, token);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return new CredentialCheck(false, null, null, null, null, null, Messages.CredentialForm_interrupted());
        }
    }

    /** The form field a failed check points at, or {@code null} when no single field is to blame. */
    public static String fieldOf(CredentialCheck check) {
        if (check.field() == null) {
            return null;
        }
        return switch (check.field()) {
            case WORKSPACE -> WORKSPACE;
            case EMAIL -> EMAIL;
            case TOKEN -> API_TOKEN;
        };
    }

    /** Why saving is refused, led by the label of the field to fix as the form shows it. */
    public static String saveRefusal(CredentialCheck check) {
        String field = fieldOf(check);
        if (field == null) {
            return Messages.CredentialForm_notSaved(check.problem());
        }
        return switch (field) {
            case WORKSPACE -> Messages.CredentialForm_notSavedWorkspace(check.problem());
            case EMAIL -> Messages.CredentialForm_notSavedEmail(check.problem());
            default -> Messages.CredentialForm_notSavedApiToken(check.problem());
        };
    }

    public static String tooManyVerifications(int perMinute) {
        return Messages.CredentialForm_tooManyVerifications(Integer.toString(perMinute));
    }

    /** What is wrong with a workspace slug as typed, without asking Bitbucket; {@code null} if nothing. */
    public static String workspaceProblem(String value) {
        return blankOrProblem(value, () -> BitbucketInputs.workspaceSlug(value));
    }

    /** What is wrong with an e-mail as typed, without asking Bitbucket; {@code null} if nothing. */
    public static String emailProblem(String value) {
        return blankOrProblem(value, () -> BitbucketInputs.email(value));
    }

    /** What is wrong with a token as typed (an app password, an access token), without asking Bitbucket. */
    public static String tokenProblem(String value) {
        return blankOrProblem(value, () -> BitbucketInputs.apiToken(value));
    }

    private static String blankOrProblem(String value, Runnable check) {
        if (value == null || value.isBlank()) {
            return null; // the form does not nag about a field not filled in yet
        }
        try {
            check.run();
            return null;
        } catch (InvalidInputException e) {
            return e.getMessage();
        }
    }
}
