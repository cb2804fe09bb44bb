package io.jenkins.plugins.konductro.bitbucket;

/** The token owner's role in a workspace: owner, create-project, member or collaborator. */
public record WorkspacePermission(String workspace, String permission) {}
