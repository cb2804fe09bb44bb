package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import java.util.List;

/** Bitbucket refused one of the acceptance criteria's tasks: the pull request is open, some tasks are not there yet. */
public final class TasksIncomplete extends BitbucketException {
    private static final long serialVersionUID = 1L;

    private final transient AcceptanceTasks done;
    private final List<String> missing;

    private TasksIncomplete(String message, AcceptanceTasks done, List<String> missing, BitbucketException cause) {
        super(cause.status(), message, cause);
        this.done = done;
        this.missing = List.copyOf(missing);
    }

    static TasksIncomplete notCreated(long pullRequestId, AcceptanceTasks done, List<String> missing, BitbucketException cause) {
        return new TasksIncomplete(Messages.TasksIncomplete_notCreated(Long.toString(pullRequestId), missing.get(0),
                cause.getMessage(), quoted(done.created()), quoted(done.existing()), quoted(missing)), done, missing, cause);
    }

    static TasksIncomplete notListed(long pullRequestId, List<String> wanted, BitbucketException cause) {
        AcceptanceTasks none = new AcceptanceTasks(List.of(), List.of(), new AcceptanceProgress(0, 0, List.of()));
        return new TasksIncomplete(Messages.TasksIncomplete_notListed(Long.toString(pullRequestId), cause.getMessage(),
                quoted(none.created()), quoted(none.existing()), quoted(wanted)), none, wanted, cause);
    }

    public AcceptanceTasks done() {
        return done;
    }

    public List<String> missing() {
        return missing;
    }

    private static String quoted(List<String> texts) {
        return texts.isEmpty() ? Messages.TasksIncomplete_none() : "'" + String.join("', '", texts) + "'";
    }
}
