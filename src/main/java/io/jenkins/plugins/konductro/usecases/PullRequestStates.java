package io.jenkins.plugins.konductro.usecases;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketException;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.AcceptanceProgress;
import io.jenkins.plugins.konductro.operations.BoundedMap;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.PullRequestStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Pull requests' states as people look at the builds that recorded them, shared by everyone who looks. Bitbucket is
 * asked at most once per pull request per lifetime, however many viewers and tabs: an answer is kept for the
 * lifetime, viewers who miss it at the same moment wait for one request, and the pull requests of one repository are
 * asked together in one list request. A final state (merged, declined, superseded) is never asked again. A refused
 * or failed request keeps the last known state; after a rate limit or a server failure the repository is left alone
 * for a while, longer each time. Each refresh uses the viewer's own credential, never a build's or anyone else's.
 *
 * <p>A build page also refreshes the acceptance progress (the pull request's tasks) of its open pull requests whose
 * tasks the build read: one request (per 100 tasks) at most once per {@value #PROGRESS_EVERY} lifetimes, in place of
 * that lifetime's state request, never once the pull request is final, and shared by all viewers like the states:
 * still at most one request per pull request per lifetime. Job pages show the progress last known and never ask for
 * it, so that their cost stays one request per repository.
 */
public final class PullRequestStates {
    public static final Duration DEFAULT_LIFETIME = Duration.ofSeconds(60);
    static final int MAX_ENTRIES = 10_000;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(10);
    /** The progress is asked at most once per this many lifetimes of a state. */
    public static final int PROGRESS_EVERY = 10;

    /**
     * A pull request as the viewer gets it.
     *
     * @param live whether it is as Bitbucket answers now (or final); otherwise {@code note} says why not
     */
    public record Look(RecordedPullRequest pullRequest, boolean live, String note) {}

    private record Backoff(long untilMillis, Duration next) {}

    private final KonductroOperations operations;
    private final Supplier<Duration> lifetime;
    private final LongSupplier clock;
    private final Map<String, RecordedPullRequest> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RecordedPullRequest> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    private final Map<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    /** Repositories left alone after a 429 or 5xx, at most as many as the states kept. */
    private final BoundedMap<String, Backoff> backoffs = new BoundedMap<>(MAX_ENTRIES);
    /** When each pull request's progress was last asked for, answered or not: that request took its lifetime's slot. */
    private final Map<String, Long> progressAsked = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** @param lifetime how long an answer is kept (read each time: it is a setting of Jenkins) */
    public PullRequestStates(KonductroOperations operations, Supplier<Duration> lifetime, LongSupplier clockMillis) {
        this.operations = operations;
        this.lifetime = lifetime;
        this.clock = clockMillis;
    }

    /** The freshest state of each pull request, in the order given; asks Bitbucket only for stale ones. */
    public List<Look> look(OwnCredentials viewer, List<RecordedPullRequest> seen) throws InterruptedException {
        long now = clock.getAsLong();
        List<Look> looks = new ArrayList<>();
        Map<String, List<RecordedPullRequest>> staleByRepository = new LinkedHashMap<>();
        for (RecordedPullRequest recorded : seen) {
            RecordedPullRequest freshest = freshest(recorded);
            if (freshest.isFinal() || now - lastAsked(freshest) < lifetime.get().toMillis()) {
                looks.add(new Look(freshest, true, null));
            } else {
                looks.add(null); // filled in below
                staleByRepository.computeIfAbsent(freshest.repository(), r -> new ArrayList<>()).add(freshest);
            }
        }
        Map<String, Look> refreshed = new LinkedHashMap<>();
        for (Map.Entry<String, List<RecordedPullRequest>> stale : staleByRepository.entrySet()) {
            try {
                refreshed.putAll(refresh(viewer, stale.getKey(), stale.getValue()));
            } catch (RuntimeException e) { // a page shows the last known state, never a stack trace
                stale.getValue().forEach(pr -> refreshed.put(pr.key(), new Look(pr, false, UseCaseTexts.notRefreshed(
                        String.valueOf(e.getMessage())))));
            }
        }
        for (int i = 0; i < looks.size(); i++) {
            if (looks.get(i) == null) {
                looks.set(i, refreshed.get(seen.get(i).key()));
            }
        }
        return looks;
    }

    /**
     * As {@link #look}, for a build page: also the acceptance progress of the open pull requests whose tasks the build
     * read, at most once per {@value #PROGRESS_EVERY} lifetimes. The progress takes the pull request's one request of a
     * lifetime in place of its state, and only when the state is less than two lifetimes old: a page never makes two
     * requests for one pull request within a lifetime, and a state is never more than two lifetimes old because of
     * it. A progress that cannot be read keeps the last known.
     */
    public List<Look> lookWithProgress(OwnCredentials viewer, List<RecordedPullRequest> seen) throws InterruptedException {
        long now = clock.getAsLong();
        long life = lifetime.get().toMillis();
        for (RecordedPullRequest recorded : seen) {
            RecordedPullRequest pr = freshest(recorded);
            if (pr.isFinal() || pr.tasksTotal() == null || now - pr.tasksCheckedAtMillis() < life * PROGRESS_EVERY
                    || now - pr.checkedAtMillis() >= 2 * life) {
                continue;
            }
            RepositoryRef repository = RepositoryRef.parse(pr.repository());
            Optional<ApiTokenCredential> credential = viewer.ownCredential(repository.workspace());
            Backoff backoff = backoffs.get(pr.repository());
            if (credential.isEmpty() || (backoff != null && now < backoff.untilMillis()) || !claimSlot(pr, now, life)) {
                continue;
            }
            try {
                AcceptanceProgress progress = operations.acceptanceProgress(credential.get(), repository, pr.id());
                synchronized (known) {
                    known.put(pr.key(), freshest(recorded).withTasks(progress.total(), progress.resolved(), clock.getAsLong()));
                }
            } catch (InterruptedIOException e) {
                throw new InterruptedException(e.getMessage());
            } catch (IOException | RuntimeException e) { // the page keeps the progress last known
                continue;
            }
        }
        return look(viewer, seen);
    }

    /**
     * Takes the pull request's request of this lifetime for its progress, if nobody used it: not its state (checked
     * at least a lifetime ago) nor another viewer's progress request.
     */
    private boolean claimSlot(RecordedPullRequest freshest, long now, long life) {
        synchronized (progressAsked) {
            if (now - Math.max(freshest.checkedAtMillis(), progressAsked.getOrDefault(freshest.key(), 0L)) < life) {
                return false;
            }
            progressAsked.put(freshest.key(), now);
            return true;
        }
    }

    /** When the pull request's last request was: its state's answer, or a progress request in its place. */
    private long lastAsked(RecordedPullRequest freshest) {
        synchronized (progressAsked) {
            return Math.max(freshest.checkedAtMillis(), progressAsked.getOrDefault(freshest.key(), 0L));
        }
    }

    private Map<String, Look> refresh(OwnCredentials viewer, String repositoryName, List<RecordedPullRequest> stale)
            throws InterruptedException {
        Map<String, Look> looks = new LinkedHashMap<>();
        RepositoryRef repository = RepositoryRef.parse(repositoryName);
        Backoff backoff = backoffs.get(repositoryName);
        if (backoff != null && clock.getAsLong() < backoff.untilMillis()) {
            stale.forEach(pr -> looks.put(pr.key(), new Look(pr, false, UseCaseTexts.bitbucketBusy(pr))));
            return looks;
        }
        Optional<ApiTokenCredential> credential = viewer.ownCredential(repository.workspace());
        if (credential.isEmpty()) {
            String why = viewer.whyNot(repository.workspace());
            stale.forEach(pr -> looks.put(pr.key(), new Look(pr, false, why)));
            return looks;
        }
        // One request for the ids nobody is asking about yet; the others wait for the request already under way, but
        // only one made with the same access: another person's answer (and its error, naming them) is not theirs.
        String access = credential.get().accessFingerprint();
        Map<String, CompletableFuture<Boolean>> answers = new LinkedHashMap<>();
        Map<Long, CompletableFuture<Boolean>> mine = new LinkedHashMap<>();
        for (RecordedPullRequest pr : stale) {
            CompletableFuture<Boolean> answer = new CompletableFuture<>();
            CompletableFuture<Boolean> underWay = inFlight.putIfAbsent(flight(pr.key(), access), answer);
            answers.put(pr.key(), underWay == null ? answer : underWay);
            if (underWay != null) {
                continue;
            }
            if (clock.getAsLong() - lastAsked(freshest(pr)) < lifetime.get().toMillis()) {
                answer.complete(true); // answered by a request that ended while this one looked
                inFlight.remove(flight(pr.key(), access), answer);
            } else {
                mine.put(pr.id(), answer);
            }
        }
        if (!mine.isEmpty()) {
            ask(credential.get(), repository, mine);
        }
        for (RecordedPullRequest pr : stale) {
            looks.put(pr.key(), await(pr, answers.get(pr.key())));
        }
        return looks;
    }

    private void ask(ApiTokenCredential credential, RepositoryRef repository,
            Map<Long, CompletableFuture<Boolean>> mine) {
        String repositoryName = repository.fullName();
        try {
            Map<Long, PullRequestStatus> states = operations.pullRequestStates(credential, repository, mine.keySet());
            long now = clock.getAsLong();
            synchronized (known) {
                for (PullRequestStatus status : states.values()) {
                    String key = repositoryName + "#" + status.id();
                    RecordedPullRequest before = known.get(key);
                    RecordedPullRequest answered = new RecordedPullRequest(repositoryName, status.id(),
                            before == null ? null : before.ticket(), before == null ? null : before.branch(), status.title(),
                            status.state(), status.url(), now);
                    known.put(key, before == null ? answered : answered.withTasksOf(before));
                }
            }
            backoffs.remove(repositoryName);
            mine.forEach((id, answer) -> answer.complete(states.containsKey(id)));
        } catch (BitbucketException.RateLimited | BitbucketException.ServerError | BitbucketException.NoAnswer e) {
            Backoff before = backoffs.get(repositoryName);
            Duration wait = before == null ? lifetime.get() : min(before.next().multipliedBy(2), MAX_BACKOFF);
            backoffs.put(repositoryName, new Backoff(clock.getAsLong() + wait.toMillis(), wait));
            mine.values().forEach(answer -> answer.completeExceptionally(e));
        } catch (IOException | RuntimeException e) {
            mine.values().forEach(answer -> answer.completeExceptionally(e));
        } finally {
            String access = credential.accessFingerprint();
            mine.keySet().forEach(id -> inFlight.remove(flight(repositoryName + "#" + id, access)));
        }
    }

    /** A request under way for one pull request, made with one access. */
    private static String flight(String pullRequestKey, String access) {
        return pullRequestKey + " " + access;
    }

    private Look await(RecordedPullRequest pr, CompletableFuture<Boolean> answer)
            throws InterruptedException {
        try {
            if (!answer.get()) {
                return new Look(pr, false, UseCaseTexts.notVisible(pr));
            }
            return new Look(freshest(pr), true, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InterruptedIOException) {
                throw new InterruptedException(cause.getMessage());
            }
            boolean busy = cause instanceof BitbucketException.RateLimited || cause instanceof BitbucketException.ServerError
                    || cause instanceof BitbucketException.NoAnswer;
            return new Look(pr, false, busy ? UseCaseTexts.bitbucketBusy(pr) : UseCaseTexts.notRefreshed(cause.getMessage()));
        }
    }

    /** What is known of the pull request: the shared answer, or the build's own record when that is newer. */
    private RecordedPullRequest freshest(RecordedPullRequest recorded) {
        synchronized (known) {
            RecordedPullRequest shared = known.get(recorded.key());
            if (shared == null) {
                return recorded;
            }
            if (shared.checkedAtMillis() < recorded.checkedAtMillis()) {
                return recorded.withTasksOf(shared);
            }
            return recorded.answered(shared.title(), shared.state(), shared.url(), shared.checkedAtMillis()).withTasksOf(shared);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
