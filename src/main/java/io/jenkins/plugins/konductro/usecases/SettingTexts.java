package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;

/** What people setting a job's or folder's Konductro settings are told; each message starts with the field to fix. */
public final class SettingTexts {
    private static final String ADD_CREDENTIAL = "add your own Bitbucket Cloud API token (Konductro) for it under "
            + "your name in the page header › Credentials";

    private SettingTexts() {}

    static String unknownProvider(String provider) {
        return "Git provider: '" + provider + "' is not one Konductro works with; choose Bitbucket Cloud ('bitbucket').";
    }

    static String entryRefused(int position, String reason) {
        return "Linked repository " + position + ": " + reason;
    }

    static String otherWorkspace(RepositoryRef given, String workspace) {
        return "repository " + given.fullName() + " is not in workspace '" + workspace + "'; choose the credential for '"
                + given.workspace() + "', or give the repository's slug only.";
    }

    static String noWorkspace() {
        return "choose one of your Konductro credentials, whose workspace holds the repository (or give the repository "
                + "as workspace/repo).";
    }

    static String linkedTwice(int position, RepositoryRef repository) {
        return "Linked repository " + position + ": " + repository.fullName() + " is linked already; remove one of the two.";
    }

    static String noOwnCredential(RepositoryRef repository) {
        return "Linked repository " + repository.fullName() + ": you have no Konductro credential of your own for workspace '"
                + repository.workspace() + "' to check it with; " + ADD_CREDENTIAL + ", then save again.";
    }

    static String notVisible(RepositoryRef repository, ApiTokenCredential credential) {
        return "Linked repository " + repository.fullName() + ": Bitbucket Cloud has no such repository that "
                + credential.email() + " may see. Check its slug (the name in its URL), or ask a workspace admin for access.";
    }

    static String refusedByBitbucket(RepositoryRef repository, ApiTokenCredential credential, BitbucketException e) {
        return "Linked repository " + repository.fullName() + ": Bitbucket Cloud refused to show it to " + credential
                + ": " + e.getMessage();
    }

    static String unreachable(RepositoryRef repository) {
        return "Linked repository " + repository.fullName() + ": Bitbucket Cloud could not be reached to check it; nothing "
                + "was saved. Save again in a moment.";
    }

    /** For the repository list of a settings form, when the person has no credential to read it with. */
    public static String noCredentialToList(String workspace) {
        return "You have no Konductro credential of your own for '" + workspace + "': " + ADD_CREDENTIAL + ".";
    }

    /** For the credential field of a settings form, when the person has no Konductro credential at all. */
    public static String noCredentials() {
        return "You have no Konductro credential of your own: add your Bitbucket Cloud API token (Konductro) under "
                + "your name in the page header › Credentials, then reload this page.";
    }

    /** For the repository list of a settings form that Bitbucket refused. */
    public static String listRefused(String workspace, BitbucketException e) {
        return "Bitbucket Cloud did not list the repositories of '" + workspace + "': " + e.getMessage() + " You can still "
                + "type a repository's slug; saving checks it.";
    }

    /** A typed repository that is not in the person's list. */
    public static String notInList(String workspace, String repo) {
        return "'" + repo + "' is not among the repositories of '" + workspace + "' you are a member of; saving checks "
                + "whether you may see it.";
    }
}
