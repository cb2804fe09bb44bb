package io.jenkins.plugins.konductro.operations;

import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import java.util.List;

/** Bitbucket refused one of the acceptance criteria's tasks: the pull request is open, some tasks are not there yet. */
public final class TasksIncomplete extends BitbucketException {
    private static final long serialVersionUID = 1L;

    private final transient AcceptanceTasks done;
    private final List<String> missing;

    TasksIncomplete(long pullRequestId, AcceptanceTasks done, List<String> missing, BitbucketException cause) {
        super(cause.status(), "Pull request #" + pullRequestId + " is open, but Bitbucket Cloud refused to create its task '"
                + missing.get(0) + "': " + cause.getMessage() + " Created now: " + quoted(done.created()) + "; there already: "
                + quoted(done.existing()) + "; not created: " + quoted(missing) + ". Run the step again: it creates only "
                + "the missing tasks.", cause);
        this.done = done;
        this.missing = List.copyOf(missing);
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
