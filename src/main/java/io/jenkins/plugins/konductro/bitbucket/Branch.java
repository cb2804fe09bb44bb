package io.jenkins.plugins.konductro.bitbucket;

/** A branch and the full SHA of its head commit. */
public record Branch(String name, String hash) {}
