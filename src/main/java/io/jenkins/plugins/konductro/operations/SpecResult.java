package io.jenkins.plugins.konductro.operations;

/** A pushed spec: its path, the branch head holding it, and whether this run made a commit. */
public record SpecResult(String path, String commit, boolean changed, String url) {}
