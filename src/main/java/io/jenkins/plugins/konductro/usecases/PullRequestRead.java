package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.PullRequestStatus;
import java.util.Map;

/** A pull request's state as Bitbucket answered it. */
public record PullRequestRead(RepositoryRef repository, PullRequestStatus status) implements KonductroResult {

    @Override
    public Map<String, Object> fields() {
        return KonductroResult.map("id", Math.toIntExact(status.id()), "state", status.state(), "url", status.url(),
                "title", status.title(), "updatedOn", status.updatedOn(), "mergeCommit", status.mergeCommit());
    }

    @Override
    public String variablePrefix() {
        return "PR";
    }
}
