package io.jenkins.plugins.konductro.pages;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.AbstractBuild;
import hudson.model.BuildBadgeAction;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.konductro.KonductroService;
import io.jenkins.plugins.konductro.credentials.ViewerCredentials;
import io.jenkins.plugins.konductro.usecases.BuildRecord;
import io.jenkins.plugins.konductro.usecases.PullRequestStates;
import io.jenkins.plugins.konductro.usecases.RecordedPullRequest;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.RunAction2;
import org.kohsuke.stapler.HttpResponse;

/**
 * Kept on the build: what Konductro did in it. Later steps of the same build find the branch started for a ticket
 * here, and build steps after a Konductro step see its results as {@code KONDUCTRO_*} environment variables. On the
 * build's page it shows the pull requests the build opened or read (summary.jelly) and a badge in the build history
 * (badge.jelly), each with the last known state; its {@code state} endpoint gives the live states to the page's
 * script. Nothing here asks Bitbucket while a page renders.
 */
public final class KonductroBuildAction extends KonductroPageAction
        implements RunAction2, EnvironmentContributingAction, BuildBadgeAction {
    private static final Logger LOGGER = Logger.getLogger(KonductroBuildAction.class.getName());

    private final BuildRecord record = new BuildRecord();
    private transient Run<?, ?> run;

    /** The build's action, added to it on first use. */
    public static KonductroBuildAction of(Run<?, ?> run) {
        synchronized (KonductroBuildAction.class) { // parallel branches of one build must share one record
            KonductroBuildAction action = run.getAction(KonductroBuildAction.class);
            if (action == null) {
                action = new KonductroBuildAction();
                run.addAction(action);
            }
            return action;
        }
    }

    public BuildRecord record() {
        return record;
    }

    public Run<?, ?> getRun() {
        return run;
    }

    /** The pull requests as the page first shows them: what the build last knew, with links. */
    public List<PullRequestView> getPullRequests() {
        return record.pullRequests().stream().map(pr -> PullRequestView.of(pr, record, System.currentTimeMillis())).toList();
    }

    @Override
    public void onAttached(Run<?, ?> r) {
        this.run = r;
    }

    @Override
    public void onLoad(Run<?, ?> r) {
        this.run = r;
    }

    /**
     * {@code GET …/konductro/state}: the live state of each of the build's pull requests, refreshed with the viewing
     * user's own credential at most once per lifetime ({@link PullRequestStates}). A new state is written back into
     * the build's record, and the build is saved only then.
     */
    public HttpResponse doState() throws InterruptedException {
        run.getParent().checkPermission(Item.READ);
        List<PullRequestStates.Look> looks = KonductroService.pullRequestStates()
                .lookWithProgress(ViewerCredentials.current(run.getParent()), record.pullRequests());
        boolean changed = false;
        for (PullRequestStates.Look look : looks) {
            changed |= record.refreshed(look.pullRequest());
        }
        if (changed) {
            save(run);
        }
        return StateJson.of(looks, System.currentTimeMillis());
    }

    static void save(Run<?, ?> run) {
        try {
            run.save();
        } catch (IOException e) {
            LOGGER.log(Level.WARNING, "Could not save the new pull request state with the build", e);
        }
    }

    /**
     * A freestyle build resolves {@code $NAME} and {@code $$} in its environment after the actions contributed to it
     * ({@code AbstractBuild.getEnvironment}): a {@code $} from Bitbucket (a pull request title) is escaped there.
     */
    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        boolean resolved = run instanceof AbstractBuild;
        record.variables().forEach((name, value) -> env.put(name, resolved ? value.replace("$", "$$") : value));
    }

    /** The badge in the build history: the build's latest pull request, or none. */
    public PullRequestView getBadge() {
        List<RecordedPullRequest> pullRequests = record.pullRequests();
        return pullRequests.isEmpty() ? null
                : PullRequestView.of(pullRequests.get(pullRequests.size() - 1), record, System.currentTimeMillis());
    }
}
