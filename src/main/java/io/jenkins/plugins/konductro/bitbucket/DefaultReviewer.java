package io.jenkins.plugins.konductro.bitbucket;

/**
 * One of a repository's effective default reviewers.
 *
 * @param level {@code repository} or {@code project}: where the default reviewer was set
 */
public record DefaultReviewer(String uuid, String displayName, String level) {}
