package io.jenkins.plugins.konductro.operations;

/** A pull request's state: OPEN, MERGED, DECLINED or SUPERSEDED; {@code mergeCommit} is null unless merged. */
public record PullRequestStatus(long id, String state, String url, String title, String updatedOn, String mergeCommit) {}
