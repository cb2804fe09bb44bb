package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.PullRequestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ticket's pull request, opened now or found open.
 *
 * @param reviewersAdded   Jenkins user ids (a UUID for a reviewer of an existing pull request nobody asked for)
 * @param reviewersSkipped Jenkins user ids that were asked for and are not reviewers
 */
public record PullRequestOpened(RepositoryRef repository, PullRequestResult pullRequest, List<String> reviewersAdded, List<String> reviewersSkipped)
        implements KonductroResult {

    public PullRequestOpened {
        reviewersAdded = List.copyOf(reviewersAdded);
        reviewersSkipped = List.copyOf(reviewersSkipped);
    }

    @Override
    public Map<String, Object> fields() {
        return KonductroResult.map("id", Math.toIntExact(pullRequest.id()), "url", pullRequest.url(), "state",
                pullRequest.state(), "created", pullRequest.created(), "reviewersAdded", new ArrayList<>(reviewersAdded),
                "reviewersSkipped", new ArrayList<>(reviewersSkipped));
    }

    @Override
    public String variablePrefix() {
        return "PR";
    }
}
