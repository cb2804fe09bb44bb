package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;

/**
 * The developer a Konductro operation acts as: their credential and what verifying it recorded. The
 * display name goes into commit authors; the account UUID keeps the author out of the reviewers
 * (null when not known).
 */
public record Developer(ApiTokenCredential credential, String displayName, String accountUuid) {

    public Developer {
        if (credential == null) {
            throw new IllegalArgumentException(Messages.Developer_credentialRequired());
        }
        if (displayName == null || displayName.isBlank()) {
            displayName = credential.email();
        }
    }

    /** {@code Name <email>}, as Bitbucket expects a commit author. */
    public String commitAuthor() {
        return displayName.replaceAll("[<>\\r\\n]", "") + " <" + credential.email() + ">";
    }
}
