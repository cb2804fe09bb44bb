package io.jenkins.plugins.konductro.bitbucket;

/** One entry of a workspace's repository list. */
public record RepositorySummary(String slug, String fullName) {}
