package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.TicketKey;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Konductro did in one build: the branch started for each repository and ticket (and the main branch it came
 * from), so that later steps may leave out {@code branch} and the pull request goes where the branch came from, and the environment variables of each kind of step's latest result. Kept with the build (a
 * plain class, not a record, so that Jenkins' XStream can read it back); parallel Pipeline branches share it. Each
 * change replaces a whole map, so saving the build while a step records never sees a map half-changed.
 */
public final class BuildRecord implements Serializable {
    private static final long serialVersionUID = 1L;

    private volatile Map<String, String> branches = new LinkedHashMap<>();
    private volatile Map<String, String> mainBranches = new LinkedHashMap<>();
    private volatile Map<String, String> variables = new LinkedHashMap<>();
    private volatile Map<String, RecordedPullRequest> pullRequests = new LinkedHashMap<>();
    private volatile Map<String, String> specCommits = new LinkedHashMap<>();

    /** The branch started for {@code ticket} in {@code repository} earlier in this build. */
    public Optional<String> branchFor(RepositoryRef repository, TicketKey ticket) {
        return Optional.ofNullable(branches.get(key(repository, ticket)));
    }

    /** The main branch that branch was started from, when it was started from the main branch in this build. */
    public Optional<String> mainBranchFor(RepositoryRef repository, TicketKey ticket) {
        return Optional.ofNullable(mainBranches.get(key(repository, ticket)));
    }

    /** @return whether this changed what is remembered */
    synchronized boolean rememberBranch(RepositoryRef repository, TicketKey ticket, String branch, String mainBranch) {
        String key = key(repository, ticket);
        if (branch.equals(branches.get(key)) && java.util.Objects.equals(mainBranch, mainBranches.get(key))) {
            return false;
        }
        Map<String, String> changedBranches = new LinkedHashMap<>(branches);
        changedBranches.put(key, branch);
        Map<String, String> changedMains = new LinkedHashMap<>(mainBranches);
        if (mainBranch == null) {
            changedMains.remove(key);
        } else {
            changedMains.put(key, mainBranch);
        }
        mainBranches = changedMains;
        branches = changedBranches;
        return true;
    }

    /** Takes in a step's result: its variables replace those of the same names, and a null value removes one. */
    synchronized void record(KonductroResult result) {
        Map<String, String> changed = new LinkedHashMap<>(variables);
        result.variables().forEach((name, value) -> {
            if (value == null) {
                changed.remove(name);
            } else {
                changed.put(name, value);
            }
        });
        variables = changed;
    }

    /** The pull requests this build opened or read, in the order it first saw them. */
    public List<RecordedPullRequest> pullRequests() {
        return List.copyOf(pullRequests.values());
    }

    synchronized void recordPullRequest(RecordedPullRequest pullRequest) {
        Map<String, RecordedPullRequest> changed = new LinkedHashMap<>(pullRequests);
        RecordedPullRequest before = changed.get(pullRequest.key());
        changed.put(pullRequest.key(), before != null && pullRequest.ticket() == null
                ? before.answered(pullRequest.title(), pullRequest.state(), pullRequest.url(), pullRequest.checkedAtMillis())
                        .withTasksOf(pullRequest)
                : pullRequest.withTasksOf(before == null ? pullRequest : before));
        pullRequests = changed;
    }

    /**
     * Takes in a fresher answer about one of this build's pull requests.
     *
     * @return whether it says something new (a state or title), so that the build should be saved; a mere later
     *         check is kept in memory only
     */
    public synchronized boolean refreshed(RecordedPullRequest fresh) {
        RecordedPullRequest before = pullRequests.get(fresh.key());
        if (before == null || (fresh.checkedAtMillis() <= before.checkedAtMillis()
                && fresh.tasksCheckedAtMillis() <= before.tasksCheckedAtMillis())) {
            return false;
        }
        RecordedPullRequest merged = (fresh.checkedAtMillis() > before.checkedAtMillis()
                ? before.answered(fresh.title(), fresh.state(), fresh.url(), fresh.checkedAtMillis()) : before)
                .withTasksOf(fresh);
        Map<String, RecordedPullRequest> changed = new LinkedHashMap<>(pullRequests);
        changed.put(fresh.key(), merged);
        pullRequests = changed;
        return before.differsFrom(merged);
    }

    /** The commit holding the ticket's spec, when this build pushed it. */
    public Optional<String> specCommitFor(RepositoryRef repository, TicketKey ticket) {
        return Optional.ofNullable(specCommits.get(key(repository, ticket)));
    }

    synchronized void rememberSpec(RepositoryRef repository, TicketKey ticket, String commit) {
        Map<String, String> changed = new LinkedHashMap<>(specCommits);
        changed.put(key(repository, ticket), commit);
        specCommits = changed;
    }

    /** {@code KONDUCTRO_*} environment variables for the build's later steps, in the order they were first set. */
    public Map<String, String> variables() {
        return new LinkedHashMap<>(variables);
    }

    /** A record saved before a map was added reads it back as {@code null}: XStream does not run initializers. */
    private Object readResolve() {
        branches = branches == null ? new LinkedHashMap<>() : branches;
        mainBranches = mainBranches == null ? new LinkedHashMap<>() : mainBranches;
        variables = variables == null ? new LinkedHashMap<>() : variables;
        pullRequests = pullRequests == null ? new LinkedHashMap<>() : pullRequests;
        specCommits = specCommits == null ? new LinkedHashMap<>() : specCommits;
        return this;
    }

    private static String key(RepositoryRef repository, TicketKey ticket) {
        return repository.fullName() + " " + ticket.value();
    }
}
