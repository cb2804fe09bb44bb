package io.jenkins.plugins.konductro.operations;

import java.util.List;

/**
 * The acceptance criteria as the pull request's tasks.
 *
 * @param created  the criteria made tasks now
 * @param existing the criteria that were tasks already (a task with the same text)
 * @param progress all the pull request's tasks now, these included
 */
public record AcceptanceTasks(List<String> created, List<String> existing, AcceptanceProgress progress) {
    public AcceptanceTasks {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
    }
}
