package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.PullRequestTask;
import java.util.List;

/**
 * A pull request's tasks (its acceptance criteria, and any task a reviewer added): how many there are, how many are
 * resolved, and the texts of the open ones, in creation order.
 */
public record AcceptanceProgress(int total, int resolved, List<String> open) {
    public AcceptanceProgress {
        open = List.copyOf(open);
    }

    static AcceptanceProgress of(List<PullRequestTask> tasks) {
        List<String> open = tasks.stream().filter(t -> !t.resolved()).map(PullRequestTask::text).toList();
        return new AcceptanceProgress(tasks.size(), tasks.size() - open.size(), open);
    }
}
