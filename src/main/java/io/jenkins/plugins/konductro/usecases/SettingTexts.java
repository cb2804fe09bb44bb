package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;

/** What people setting a job's or folder's Konductro settings are told; each message starts with the field to fix. */
public final class SettingTexts {

    private SettingTexts() {}

    static String unknownProvider(String provider) {
        return Messages.SettingTexts_unknownProvider(provider);
    }

    static String entryRefused(int position, String reason) {
        return Messages.SettingTexts_entryRefused(Integer.toString(position), reason);
    }

    static String otherWorkspace(RepositoryRef given, String workspace) {
        return Messages.SettingTexts_otherWorkspace(given.fullName(), workspace, given.workspace());
    }

    static String noWorkspace() {
        return Messages.SettingTexts_noWorkspace();
    }

    static String linkedTwice(int position, RepositoryRef repository) {
        return Messages.SettingTexts_linkedTwice(Integer.toString(position), repository.fullName());
    }

    static String noOwnCredential(RepositoryRef repository) {
        return Messages.SettingTexts_noOwnCredential(repository.fullName(), repository.workspace());
    }

    static String notVisible(RepositoryRef repository, ApiTokenCredential credential) {
        return Messages.SettingTexts_notVisible(repository.fullName(), credential.email());
    }

    static String refusedByBitbucket(RepositoryRef repository, ApiTokenCredential credential, BitbucketException e) {
        return Messages.SettingTexts_refusedByBitbucket(repository.fullName(), String.valueOf(credential), e.getMessage());
    }

    static String unreachable(RepositoryRef repository) {
        return Messages.SettingTexts_unreachable(repository.fullName());
    }

    /** For the repository list of a settings form, when the person has no credential to read it with. */
    public static String noCredentialToList(String workspace) {
        return Messages.SettingTexts_noCredentialToList(workspace);
    }

    /** For the credential field of a settings form, when the person has no Konductro credential at all. */
    public static String noCredentials() {
        return Messages.SettingTexts_noCredentials();
    }

    /** For the repository list of a settings form that Bitbucket refused. */
    public static String listRefused(String workspace, BitbucketException e) {
        return Messages.SettingTexts_listRefused(workspace, e.getMessage());
    }

    /** A typed repository that is not in the person's list. */
    public static String notInList(String workspace, String repo) {
        return Messages.SettingTexts_notInList(workspace, repo);
    }
}
