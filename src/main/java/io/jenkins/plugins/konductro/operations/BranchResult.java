package io.jenkins.plugins.konductro.operations;

/** A feature branch: its name, head commit, whether this run created it, and its page on bitbucket.org. */
public record BranchResult(String branch, String commit, boolean created, String url) {}
