package io.jenkins.plugins.konductro.bitbucket;

/** A pull request task: its text, and whether a reviewer resolved it. */
public record PullRequestTask(long id, String text, boolean resolved) {}
