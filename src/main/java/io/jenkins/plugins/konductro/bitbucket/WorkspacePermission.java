package io.jenkins.plugins.konductro.bitbucket;

/**
 * The token owner's role in a workspace (owner, create-project, member or collaborator), and who they are.
 *
 * @param member the account the membership answer names; {@code null} when the answer leaves it out
 */
public record WorkspacePermission(String workspace, String permission, BitbucketUser member) {}
