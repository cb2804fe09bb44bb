package io.jenkins.plugins.konductro.bench;

import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.Developer;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.NewBranch;
import io.jenkins.plugins.konductro.operations.PullRequestDraft;
import io.jenkins.plugins.konductro.operations.PullRequestLookup;
import io.jenkins.plugins.konductro.operations.SpecUpdate;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.usecases.OwnCredentials;
import io.jenkins.plugins.konductro.usecases.PullRequestStates;
import io.jenkins.plugins.konductro.usecases.RecordedPullRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What people looking at pages cost Bitbucket (requests against the goal of one per pull request, or per repository,
 * per lifetime), and what each operation costs a developer over a network with round-trip latency: its wall time
 * against the floor of its sequential round trips.
 */
final class ViewingBenchmark {
    private static final RepositoryRef WIDGETS = RepositoryRef.of("acme-team", "widgets");

    private ViewingBenchmark() {}

    /** @param latencyRounds how many times each operation runs under latency (the median is reported) */
    static String run(BitbucketSandbox sandbox, Duration latency, int latencyRounds) throws Exception {
        BitbucketClient client = BitbucketClient.builder().apiUrl(sandbox.apiUrl()).build();
        ApiTokenCredential aliceToken = ApiTokenCredential.of("acme-team", "alice@acme.test", sandbox.demoToken("alice"));
        ApiTokenCredential bobToken = ApiTokenCredential.of("acme-team", "bob@acme.test", sandbox.demoToken("bob"));
        Developer alice = new Developer(aliceToken, "Alice Doe", sandbox.user("alice@acme.test").uuid());
        KonductroOperations operations = new KonductroOperations(client);
        List<RecordedPullRequest> jobPage = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String ticket = "VIEW-" + i;
            String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, ticket)).branch();
            operations.pushSpec(alice, SpecUpdate.of(WIDGETS, ticket, branch, "# " + ticket + "\n"));
            var pr = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, ticket, branch));
            jobPage.add(new RecordedPullRequest(WIDGETS.fullName(), pr.id(), ticket, branch, pr.title(), pr.state(), pr.url(), 0));
        }
        OwnCredentials bob = new OwnCredentials() {
            @Override
            public Optional<ApiTokenCredential> ownCredential(String workspace) {
                return Optional.of(bobToken);
            }

            @Override
            public String whyNot(String workspace) {
                return "";
            }
        };
        long now = Duration.ofHours(1).toMillis(); // every recorded state is an hour old: all stale at first
        StringBuilder report = new StringBuilder("\n| people looking (lifetime 60 s) | Bitbucket requests | goal |\n|---|---:|---:|\n");

        PullRequestStates states = new PullRequestStates(operations, () -> Duration.ofSeconds(60), () -> now);
        List<RecordedPullRequest> buildPage = List.of(jobPage.get(0));
        sandbox.clearExchanges();
        for (int view = 0; view < 1000; view++) {
            states.lookWithProgress(bob, buildPage);
        }
        report.append(row("1,000 views of one build page", sandbox.exchanges().size(), 1));

        // The build made the criteria of its pull request tasks an hour ago; the page is viewed every 10 s for 20 minutes.
        RecordedPullRequest withTasks = jobPage.get(1).withTasks(3, 0, 0);
        for (String task : List.of("One", "Two", "Three")) {
            sandbox.addTask("acme-team", "widgets", withTasks.id(), "alice@acme.test", task);
        }
        java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(now);
        PullRequestStates progressStates = new PullRequestStates(operations, () -> Duration.ofSeconds(60), clock::get);
        sandbox.clearExchanges();
        for (int view = 0; view < 120; view++, clock.addAndGet(10_000)) {
            progressStates.lookWithProgress(bob, List.of(withTasks));
        }
        long progressRequests = sandbox.exchanges().stream().filter(e -> e.path().endsWith("/tasks")).count();
        report.append(row("a build page whose pull request has tasks, viewed every 10 s for 20 min: all requests",
                sandbox.exchanges().size(), 20));
        report.append(row("… of which for the progress (every 10 lifetimes, in place of a state request)",
                (int) progressRequests, 2));
        PullRequestStates cold = new PullRequestStates(operations, () -> Duration.ofSeconds(60), () -> now);
        ExecutorService viewers = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch start = new CountDownLatch(1);
            sandbox.clearExchanges();
            List<Future<?>> looks = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                looks.add(viewers.submit(() -> {
                    start.await();
                    return cold.lookWithProgress(bob, buildPage);
                }));
            }
            start.countDown();
            for (Future<?> look : looks) {
                look.get();
            }
        } finally {
            viewers.shutdownNow();
        }
        report.append(row("100 viewers of one build page at the same moment", sandbox.exchanges().size(), 1));

        PullRequestStates jobStates = new PullRequestStates(operations, () -> Duration.ofSeconds(60), () -> now);
        sandbox.clearExchanges();
        for (int view = 0; view < 100; view++) {
            jobStates.look(bob, jobPage);
        }
        report.append(row("100 views of a job page with 50 pull requests of one repository", sandbox.exchanges().size(), 1));

        report.append(latency(sandbox, client, aliceToken, alice, jobPage, bob, latency, latencyRounds));
        return report.toString();
    }

    private static String row(String what, int requests, int goal) {
        return "| " + what + " | " + requests + " | " + goal + " |\n";
    }

    private record Timed(String name, int roundTrips, Step step) {}

    @FunctionalInterface
    private interface Step {
        void run(int i) throws Exception;
    }

    private static String latency(BitbucketSandbox sandbox, BitbucketClient client, ApiTokenCredential aliceToken,
            Developer alice, List<RecordedPullRequest> jobPage, OwnCredentials bob, Duration latency, int rounds)
            throws Exception {
        KonductroOperations warm = new KonductroOperations(client);
        warm.startBranch(alice, NewBranch.of(WIDGETS, "LAT-1000")); // the main branch name is cached from here on
        long[] prIds = new long[rounds];
        List<Timed> timed = List.of(
                new Timed("verify (not cached)", 1, i -> new KonductroOperations(client).verifyCredential(aliceToken)),
                new Timed("start branch (cold)", 3, i -> new KonductroOperations(client)
                        .startBranch(alice, NewBranch.of(WIDGETS, "COLD-" + (i + 1)))),
                new Timed("start branch (main branch name cached)", 2, i -> warm.startBranch(alice, NewBranch.of(WIDGETS, "LAT-" + (i + 1)))),
                new Timed("push spec", 4, i -> warm.pushSpec(alice, SpecUpdate.of(WIDGETS, "LAT-" + (i + 1),
                        "feature/LAT-" + (i + 1), "# LAT-" + (i + 1) + "\n"))),
                new Timed("open PR", 2, i -> prIds[i] = warm.openPullRequest(alice,
                        PullRequestDraft.of(WIDGETS, "LAT-" + (i + 1), "feature/LAT-" + (i + 1))).id()),
                new Timed("PR status", 1, i -> warm.pullRequestStatus(alice, PullRequestLookup.byId(WIDGETS, prIds[i]))),
                new Timed("job page refresh, 50 pull requests", 1, i -> new PullRequestStates(warm,
                        () -> Duration.ofSeconds(60), () -> Duration.ofHours(1).toMillis()).look(bob, jobPage)));
        sandbox.simulateLatency(latency);
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%n| with %d ms per round trip | round trips | "
                + "floor (ms) | wall time, median of %d (ms) | wall / floor |%n|---|---:|---:|---:|---:|%n",
                latency.toMillis(), rounds));
        try {
            for (Timed t : timed) {
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                    long start = System.nanoTime();
                    t.step().run(i);
                    times.add((System.nanoTime() - start) / 1_000_000);
                }
                long median = times.stream().sorted().toList().get(rounds / 2);
                long floor = t.roundTrips() * latency.toMillis();
                report.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f |%n", t.name(), t.roundTrips(), floor,
                        median, median / (double) floor));
            }
        } finally {
            sandbox.simulateLatency(Duration.ZERO);
        }
        return report.toString();
    }
}
