package io.jenkins.plugins.konductro.pages;

import hudson.Extension;
import hudson.model.Action;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Run;
import io.jenkins.plugins.konductro.KonductroService;
import io.jenkins.plugins.konductro.credentials.ViewerCredentials;
import io.jenkins.plugins.konductro.usecases.PullRequestStates;
import io.jenkins.plugins.konductro.usecases.RecordedPullRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.TransientActionFactory;
import org.kohsuke.stapler.HttpResponse;

/**
 * The job page's ticket dashboard: the pull requests of the job's recent builds, newest first, each once, with the
 * state the builds recorded (jobMain.jelly); its {@code states} endpoint refreshes them all, with one list request
 * per repository. Only the builds' records are read while the page renders.
 */
public final class KonductroJobAction extends KonductroPageAction {
    static final int RECENT_BUILDS = 20;

    private final Job<?, ?> job;

    KonductroJobAction(Job<?, ?> job) {
        this.job = job;
    }

    public Job<?, ?> getJob() {
        return job;
    }

    /** Each pull request of the recent builds, newest first, from the newest build that recorded it. */
    public List<PullRequestView> getPullRequests() {
        long now = System.currentTimeMillis();
        List<PullRequestView> views = new ArrayList<>();
        recent().forEach((key, seen) -> views.add(PullRequestView.of(seen.pullRequest(), seen.build().record(), now)));
        return views;
    }

    private record Seen(RecordedPullRequest pullRequest, KonductroBuildAction build, List<Run<?, ?>> runs) {}

    private Map<String, Seen> recent() {
        Map<String, Seen> seen = new LinkedHashMap<>();
        int n = 0;
        for (Run<?, ?> run = job.getLastBuild(); run != null && n < RECENT_BUILDS; run = run.getPreviousBuild(), n++) {
            KonductroBuildAction action = run.getAction(KonductroBuildAction.class);
            if (action == null) {
                continue;
            }
            List<RecordedPullRequest> pullRequests = new ArrayList<>(action.record().pullRequests());
            java.util.Collections.reverse(pullRequests);
            for (RecordedPullRequest pr : pullRequests) {
                seen.computeIfAbsent(pr.key(), k -> new Seen(pr, action, new ArrayList<>())).runs().add(run);
            }
        }
        return seen;
    }

    /** {@code GET …/konductro/states}: the live states, written back into every recent build that changed. */
    public HttpResponse doStates() throws InterruptedException {
        job.checkPermission(Item.READ);
        Map<String, Seen> recent = recent();
        List<PullRequestStates.Look> looks = KonductroService.pullRequestStates().look(ViewerCredentials.current(job),
                recent.values().stream().map(Seen::pullRequest).toList());
        for (PullRequestStates.Look look : looks) {
            for (Run<?, ?> run : recent.get(look.pullRequest().key()).runs()) {
                KonductroBuildAction action = run.getAction(KonductroBuildAction.class);
                if (action.record().refreshed(look.pullRequest())) {
                    KonductroBuildAction.save(run);
                }
            }
        }
        return StateJson.of(looks, System.currentTimeMillis());
    }

    /** Adds the dashboard to every job; it shows nothing until a build records a pull request. */
    @Extension
    @SuppressWarnings("rawtypes") // the factory's type is the raw Job, as Jenkins asks for it
    public static final class Factory extends TransientActionFactory<Job> {
        @Override
        public Class<Job> type() {
            return Job.class;
        }

        @Override
        public Collection<? extends Action> createFor(Job target) {
            return List.of(new KonductroJobAction(target));
        }
    }
}
