package io.jenkins.plugins.konductro.usecases;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

/**
 * A pull request as a build last saw it: kept in the build's record, shown on its pages, refreshed when people look.
 * A plain immutable class, not a record, so that Jenkins' XStream can read it back.
 */
public final class RecordedPullRequest implements Serializable {
    private static final long serialVersionUID = 1L;
    /** States Bitbucket never changes again: a pull request in one of them is never asked about again. */
    static final Set<String> FINAL_STATES = Set.of("MERGED", "DECLINED", "SUPERSEDED");

    private final String repository;
    private final long id;
    private final String ticket;
    private final String branch;
    private final String title;
    private final String state;
    private final String url;
    private final long checkedAtMillis;
    /** The pull request's tasks, total and resolved; {@code null} when not known (older records too). */
    private final Integer tasksTotal;
    private final Integer tasksResolved;
    private final long tasksCheckedAtMillis;

    /**
     * @param repository      {@code workspace/repo}
     * @param ticket          the ticket the build worked on, when known
     * @param branch          the pull request's source branch, when known
     * @param checkedAtMillis when Bitbucket last answered with this state (epoch milliseconds)
     */
    public RecordedPullRequest(String repository, long id, String ticket, String branch, String title, String state,
            String url, long checkedAtMillis) {
        this(repository, id, ticket, branch, title, state, url, checkedAtMillis, null, null, 0);
    }

    private RecordedPullRequest(String repository, long id, String ticket, String branch, String title, String state,
            String url, long checkedAtMillis, Integer tasksTotal, Integer tasksResolved, long tasksCheckedAtMillis) {
        this.repository = repository;
        this.id = id;
        this.ticket = ticket;
        this.branch = branch;
        this.title = title;
        this.state = state;
        this.url = url;
        this.checkedAtMillis = checkedAtMillis;
        this.tasksTotal = tasksTotal;
        this.tasksResolved = tasksResolved;
        this.tasksCheckedAtMillis = tasksCheckedAtMillis;
    }

    /** {@code workspace/repo#id}: one pull request, whichever build saw it. */
    public String key() {
        return repository + "#" + id;
    }

    public String repository() {
        return repository;
    }

    public long id() {
        return id;
    }

    public String ticket() {
        return ticket;
    }

    public String branch() {
        return branch;
    }

    public String title() {
        return title;
    }

    public String state() {
        return state;
    }

    public String url() {
        return url;
    }

    public long checkedAtMillis() {
        return checkedAtMillis;
    }

    /** How many tasks the pull request has, or {@code null} when not known. */
    public Integer tasksTotal() {
        return tasksTotal;
    }

    /** How many of its tasks are resolved, or {@code null} when not known. */
    public Integer tasksResolved() {
        return tasksResolved;
    }

    /** When Bitbucket last answered with the tasks (epoch milliseconds; 0 when never). */
    public long tasksCheckedAtMillis() {
        return tasksCheckedAtMillis;
    }

    /** The same pull request with its tasks as Bitbucket answered at {@code atMillis}. */
    public RecordedPullRequest withTasks(int total, int resolved, long atMillis) {
        return new RecordedPullRequest(repository, id, ticket, branch, title, state, url, checkedAtMillis, total, resolved,
                atMillis);
    }

    public boolean isFinal() {
        return FINAL_STATES.contains(state);
    }

    /** The same pull request as Bitbucket answered at {@code checkedAtMillis}; what the build knew of it stays. */
    RecordedPullRequest answered(String title, String state, String url, long checkedAtMillis) {
        return new RecordedPullRequest(repository, id, ticket, branch, title == null ? this.title : title, state,
                url == null ? this.url : url, checkedAtMillis, tasksTotal, tasksResolved, tasksCheckedAtMillis);
    }

    /** The tasks as the fresher of the two knew them. */
    RecordedPullRequest withTasksOf(RecordedPullRequest other) {
        if (other.tasksCheckedAtMillis <= tasksCheckedAtMillis || other.tasksTotal == null) {
            return this;
        }
        return withTasks(other.tasksTotal, other.tasksResolved, other.tasksCheckedAtMillis);
    }

    /** Whether {@code other} says something else about the pull request (not merely that it was checked later). */
    boolean differsFrom(RecordedPullRequest other) {
        return !Objects.equals(state, other.state) || !Objects.equals(title, other.title) || !Objects.equals(url, other.url)
                || !Objects.equals(tasksTotal, other.tasksTotal) || !Objects.equals(tasksResolved, other.tasksResolved);
    }
}
