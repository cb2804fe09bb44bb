package io.jenkins.plugins.konductro.bitbucket;

/** The account behind a token, from {@code GET /user}. The UUID keeps its braces. */
public record BitbucketUser(String uuid, String accountId, String displayName, String nickname) {}
