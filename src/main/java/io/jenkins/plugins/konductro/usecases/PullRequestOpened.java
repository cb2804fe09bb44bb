package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.PullRequestResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ticket's pull request, opened now or found open, with its acceptance criteria as tasks.
 *
 * @param reviewersAdded          Jenkins user ids (a UUID for a reviewer of an existing pull request nobody asked for)
 * @param reviewersSkipped        Jenkins user ids that were asked for and are not reviewers
 * @param defaultReviewersAdded   the repository's default reviewers added, as {@code Display Name {uuid}}
 * @param defaultReviewersSkipped the repository's default reviewers Bitbucket refused
 * @param tasksCreated            the criteria made tasks now
 * @param tasksExisting           the criteria that were tasks already
 */
public record PullRequestOpened(RepositoryRef repository, PullRequestResult pullRequest, List<String> reviewersAdded,
        List<String> reviewersSkipped, List<String> defaultReviewersAdded, List<String> defaultReviewersSkipped,
        List<String> tasksCreated, List<String> tasksExisting) implements KonductroResult {

    public PullRequestOpened {
        reviewersAdded = List.copyOf(reviewersAdded);
        reviewersSkipped = List.copyOf(reviewersSkipped);
        defaultReviewersAdded = List.copyOf(defaultReviewersAdded);
        defaultReviewersSkipped = List.copyOf(defaultReviewersSkipped);
        tasksCreated = List.copyOf(tasksCreated);
        tasksExisting = List.copyOf(tasksExisting);
    }

    @Override
    public Map<String, Object> fields() {
        return KonductroResult.map("id", Math.toIntExact(pullRequest.id()), "url", pullRequest.url(), "state",
                pullRequest.state(), "created", pullRequest.created(), "reviewersAdded", new ArrayList<>(reviewersAdded),
                "reviewersSkipped", new ArrayList<>(reviewersSkipped),
                "defaultReviewersAdded", new ArrayList<>(defaultReviewersAdded),
                "defaultReviewersSkipped", new ArrayList<>(defaultReviewersSkipped),
                "tasksCreated", new ArrayList<>(tasksCreated), "tasksExisting", new ArrayList<>(tasksExisting));
    }

    @Override
    public String variablePrefix() {
        return "PR";
    }
}
