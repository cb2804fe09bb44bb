package io.jenkins.plugins.konductro.usecases;

/** The Bitbucket account a developer's own token was verified as, in one workspace: what others may know of them. */
public record VerifiedAccount(String workspace, String uuid, String displayName) {}
