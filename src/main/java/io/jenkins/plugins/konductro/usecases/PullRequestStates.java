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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Pull requests' states as people look at the builds that recorded them, shared by everyone who looks. Bitbucket is
 * asked at most once per pull request per lifetime, however many viewers and tabs: an answer is kept for the
 * lifetime, viewers who miss it at the same moment with the same access wait for one request (for at most
 * {@link #MAX_WAIT}), and the pull requests of one repository are asked together in one list request. A final state (merged, declined, superseded) is never asked again. A refused
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
    /** The most pull requests one look refreshes (a page's answer): the first ones given. */
    public static final int MAX_PER_LOOK = 50;
    /** The longest a viewer waits for a request under way before the last known state is shown. */
    static final Duration MAX_WAIT = Duration.ofSeconds(10);

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
    private final Duration maxWait;
    private final Map<String, RecordedPullRequest> known = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RecordedPullRequest> eldest) {
            return size() > MAX_ENTRIES;
        }
    };
    /** The list request under way for each repository and access. */
    private final Map<String, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();
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
        this(operations, lifetime, clockMillis, MAX_WAIT);
    }

    PullRequestStates(KonductroOperations operations, Supplier<Duration> lifetime, LongSupplier clockMillis, Duration maxWait) {
        this.operations = operations;
        this.lifetime = lifetime;
        this.clock = clockMillis;
        this.maxWait = maxWait;
    }

    /** The freshest state of each pull request, in the order given; asks Bitbucket only for stale ones. */
    public List<Look> look(OwnCredentials viewer, List<RecordedPullRequest> page) throws InterruptedException {
        List<RecordedPullRequest> seen = firstOf(page);
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
    public List<Look> lookWithProgress(OwnCredentials viewer, List<RecordedPullRequest> page) throws InterruptedException {
        List<RecordedPullRequest> seen = firstOf(page);
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

    /** At most {@value #MAX_PER_LOOK} of a page's pull requests: what one answer may cost is bounded. */
    private static List<RecordedPullRequest> firstOf(List<RecordedPullRequest> page) {
        return page.size() <= MAX_PER_LOOK ? page : page.subList(0, MAX_PER_LOOK);
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

    /** What one list request asked for and what Bitbucket answered of it. */
    private record Answer(Set<Long> asked, Set<Long> found) {}

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
        // One list request at a time per repository and access: whoever comes while it is under way waits for it and
        // then asks only for what it did not answer, so viewers arriving together never split a page's pull requests
        // between requests. Only a request made with the same access is joined: another person's answer (and its
        // error, naming them) is not this viewer's. The wait is bounded; past it the last known state is shown.
        String flight = repositoryName + " " + credential.get().accessFingerprint();
        long deadline = System.nanoTime() + maxWait.toNanos();
        List<RecordedPullRequest> pending = stale;
        while (!pending.isEmpty()) {
            CompletableFuture<Answer> mine = new CompletableFuture<>();
            CompletableFuture<Answer> underWay = inFlight.putIfAbsent(flight, mine);
            if (underWay == null) {
                try {
                    List<RecordedPullRequest> asked = pending.stream()
                            .filter(pr -> clock.getAsLong() - lastAsked(freshest(pr)) >= lifetime.get().toMillis()).toList();
                    ask(credential.get(), repository, asked, mine);
                } catch (Throwable e) { // whatever happens, nobody is left waiting for this request
                    mine.completeExceptionally(e);
                    throw e;
                } finally {
                    inFlight.remove(flight, mine);
                }
            }
            Answer answer;
            try {
                answer = (underWay == null ? mine : underWay).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                pending.forEach(pr -> looks.put(pr.key(), new Look(pr, false, UseCaseTexts.stillAsking(pr))));
                return looks;
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof InterruptedIOException && underWay == null) { // this viewer's own request
                    throw new InterruptedException(cause.getMessage());
                }
                pending.forEach(pr -> looks.put(pr.key(), new Look(pr, false, failed(pr, cause))));
                return looks;
            }
            List<RecordedPullRequest> next = new ArrayList<>();
            for (RecordedPullRequest pr : pending) {
                if (answer.asked().contains(pr.id())) {
                    looks.put(pr.key(), answer.found().contains(pr.id()) ? new Look(freshest(pr), true, null)
                            : new Look(pr, false, UseCaseTexts.notVisible(pr)));
                } else if (clock.getAsLong() - lastAsked(freshest(pr)) < lifetime.get().toMillis()) {
                    looks.put(pr.key(), new Look(freshest(pr), true, null)); // answered meanwhile
                } else {
                    next.add(pr);
                }
            }
            pending = next;
        }
        return looks;
    }

    private void ask(ApiTokenCredential credential, RepositoryRef repository, List<RecordedPullRequest> asked,
            CompletableFuture<Answer> answer) {
        String repositoryName = repository.fullName();
        Set<Long> ids = new LinkedHashSet<>();
        asked.forEach(pr -> ids.add(pr.id()));
        if (ids.isEmpty()) {
            answer.complete(new Answer(Set.of(), Set.of()));
            return;
        }
        try {
            Map<Long, PullRequestStatus> states = operations.pullRequestStates(credential, repository, ids);
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
            answer.complete(new Answer(ids, states.keySet()));
        } catch (BitbucketException.RateLimited | BitbucketException.ServerError | BitbucketException.NoAnswer e) {
            Backoff before = backoffs.get(repositoryName);
            Duration wait = before == null ? lifetime.get() : min(before.next().multipliedBy(2), MAX_BACKOFF);
            backoffs.put(repositoryName, new Backoff(clock.getAsLong() + wait.toMillis(), wait));
            answer.completeExceptionally(e);
        } catch (IOException | RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    private static String failed(RecordedPullRequest pr, Throwable cause) {
        boolean busy = cause instanceof BitbucketException.RateLimited || cause instanceof BitbucketException.ServerError
                || cause instanceof BitbucketException.NoAnswer;
        return busy ? UseCaseTexts.bitbucketBusy(pr) : UseCaseTexts.notRefreshed(cause.getMessage());
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
