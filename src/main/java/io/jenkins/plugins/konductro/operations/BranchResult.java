package io.jenkins.plugins.konductro.operations;

/**
 * A feature branch: its name, head commit, whether this run created it, and its page on bitbucket.org.
 *
 * @param mainBranch the repository's main branch it was started from, when no base was given; {@code null} otherwise.
 *                   The ticket's pull request goes there by default, even if the repository's main branch changes.
 */
public record BranchResult(String branch, String commit, boolean created, String url, String mainBranch) {}
