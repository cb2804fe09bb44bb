package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import java.util.List;

/** Bitbucket refused one of the acceptance criteria's tasks: the pull request is open, some tasks are not there yet. */
public final class TasksIncomplete extends BitbucketException {
    private static final long serialVersionUID = 1L;

    private final transient AcceptanceTasks done;
    private final List<String> missing;

    private TasksIncomplete(String refused, long pullRequestId, AcceptanceTasks done, List<String> missing,
            BitbucketException cause) {
        super(cause.status(), "Pull request #" + pullRequestId + " is open, but Bitbucket Cloud refused to " + refused + ": "
                + cause.getMessage() + " Created now: " + quoted(done.created()) + "; there already: "
                + quoted(done.existing()) + "; not created: " + quoted(missing) + ". Run the step again: it creates only "
                + "the missing tasks.", cause);
        this.done = done;
        this.missing = List.copyOf(missing);
    }

    static TasksIncomplete notCreated(long pullRequestId, AcceptanceTasks done, List<String> missing, BitbucketException cause) {
        return new TasksIncomplete("create its task '" + missing.get(0) + "'", pullRequestId, done, missing, cause);
    }

    static TasksIncomplete notListed(long pullRequestId, List<String> wanted, BitbucketException cause) {
        return new TasksIncomplete("list its tasks", pullRequestId, new AcceptanceTasks(List.of(), List.of(),
                new AcceptanceProgress(0, 0, List.of())), wanted, cause);
    }

    public AcceptanceTasks done() {
        return done;
    }

    public List<String> missing() {
        return missing;
    }

    private static String quoted(List<String> texts) {
        return texts.isEmpty() ? "none" : "'" + String.join("', '", texts) + "'";
    }
}
