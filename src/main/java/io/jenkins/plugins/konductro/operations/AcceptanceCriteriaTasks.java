package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.PullRequestTask;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A pull request's acceptance criteria as its tasks, and how far they are resolved. */
final class AcceptanceCriteriaTasks {
    private final BitbucketClient client;

    AcceptanceCriteriaTasks(BitbucketClient client) {
        this.client = client;
    }

    /** See {@link KonductroOperations#acceptanceTasks}. */
    AcceptanceTasks create(Developer developer, RepositoryRef repository, long pullRequestId, List<String> criteria,
            boolean createdNow) throws IOException {
        ApiTokenCredential credential = SameWorkspace.credentialOf(developer, repository);
        List<String> wanted = PullRequestText.criteria(criteria);
        List<PullRequestTask> tasks = new ArrayList<>();
        if (!createdNow) {
            try {
                tasks.addAll(client.tasks(credential, repository, pullRequestId));
            } catch (BitbucketException e) {
                throw TasksIncomplete.notListed(pullRequestId, wanted, e);
            }
        }
        Set<String> there = new HashSet<>();
        tasks.forEach(task -> there.add(task.text() == null ? "" : task.text().strip()));
        List<String> created = new ArrayList<>();
        List<String> existing = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            String criterion = wanted.get(i);
            if (there.contains(criterion)) {
                existing.add(criterion);
                continue;
            }
            try {
                tasks.add(client.createTask(credential, repository, pullRequestId, criterion));
            } catch (BitbucketException e) {
                throw TasksIncomplete.notCreated(pullRequestId, new AcceptanceTasks(created, existing,
                        AcceptanceProgress.of(tasks)), wanted.subList(i, wanted.size()), e);
            }
            created.add(criterion);
        }
        return new AcceptanceTasks(created, existing, AcceptanceProgress.of(tasks));
    }

    /** See {@link KonductroOperations#acceptanceProgress(ApiTokenCredential, RepositoryRef, long)}. */
    AcceptanceProgress progress(ApiTokenCredential viewer, RepositoryRef repository, long pullRequestId)
            throws IOException {
        SameWorkspace.require(viewer, repository);
        return AcceptanceProgress.of(client.tasks(viewer, repository, pullRequestId));
    }
}
