package io.jenkins.plugins.konductro.sandbox;

/** A Bitbucket account known to the sandbox. {@code uuid} carries braces, as Bitbucket writes it. */
public record SandboxUser(String email, String displayName, String uuid, String accountId, String nickname) {}
