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
import io.jenkins.plugins.konductro.sandbox.Exchange;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.Headers;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Runs each Konductro operation N times (default 1,000) against the sandbox and reports, per operation: HTTP
 * requests per operation against the minimum, TCP connections the client opened, and the time of the operations
 * relative to a bare okhttp loop replaying the very same requests (method, URL, headers, body) on the same server,
 * measured in this run. Usage: {@code mvn -q test-compile exec:java@bench [-Dexec.args=N]}.
 */
public final class OperationsBenchmark {
    private static final RepositoryRef WIDGETS = RepositoryRef.of("acme-team", "widgets");
    private static final int ROUNDS = 5;
    private static final List<String> CRITERIA = List.of("It works", "It is documented", "It is measured");
    private static final Set<String> NOT_REPLAYED = Set.of("host", "content-length", "connection", "accept-encoding");

    private record Phase(String name, int minimum, Step step) {}

    @FunctionalInterface
    private interface Step {
        void run(int i) throws IOException;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        try (BitbucketSandbox sandbox = BitbucketSandbox.startDemo()) {
            System.out.print(run(sandbox, n));
        }
        try (BitbucketSandbox sandbox = BitbucketSandbox.startDemo()) {
            System.out.print(ViewingBenchmark.run(sandbox, java.time.Duration.ofMillis(50), 5));
        }
        try (BitbucketSandbox sandbox = BitbucketSandbox.startDemo()) {
            System.out.print(ListingBenchmark.run(sandbox, 21));
        }
    }

    static String run(BitbucketSandbox sandbox, int n) throws Exception {
        AtomicInteger connectionsOpened = new AtomicInteger();
        OkHttpClient base = new OkHttpClient.Builder().eventListener(new EventListener() {
            @Override
            public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
                connectionsOpened.incrementAndGet();
            }
        }).build();
        BitbucketClient client = BitbucketClient.builder().apiUrl(sandbox.apiUrl()).httpClient(base).build();
        ApiTokenCredential aliceToken = ApiTokenCredential.of("acme-team", "alice@acme.test", sandbox.demoToken("alice"));
        KonductroOperations warmOperations = new KonductroOperations(client);
        String bobUuid = sandbox.user("bob@acme.test").uuid();
        Developer alice = new Developer(aliceToken, "Alice Doe", sandbox.user("alice@acme.test").uuid());
        long[] prIds = new long[n];

        List<Phase> phases = List.of(
                new Phase("verify (not cached)", 1, i -> new KonductroOperations(client).verifyCredential(aliceToken)),
                new Phase("verify (cached: a build's later steps)", 0, i -> warmOperations.verifyCredential(aliceToken)),
                new Phase("start branch (cold: main branch name not cached)", 3,
                        i -> new KonductroOperations(client).startBranch(alice, NewBranch.of(WIDGETS, "KON-" + (i + 1)))),
                new Phase("start branch (main branch name cached)", 2,
                        i -> warmOperations.startBranch(alice, NewBranch.of(WIDGETS, "KON-" + (n + i + 1)))),
                new Phase("push spec", 4,
                        i -> warmOperations.pushSpec(alice, SpecUpdate.of(WIDGETS, "KON-" + (i + 1), "feature/KON-" + (i + 1), spec(i)))),
                new Phase("open PR", 2, i -> prIds[i] = warmOperations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "KON-" + (i + 1), "feature/KON-" + (i + 1))
                        .withDescription("Benchmark").withAcceptanceCriteria(List.of("It works"))
                        .withReviewers(List.of(bobUuid))).id()),
                new Phase("PR status", 1, i -> warmOperations.pullRequestStatus(alice, PullRequestLookup.byId(WIDGETS, prIds[i]))),
                new Phase("criteria as tasks of a pull request just opened: 3 criteria", 3,
                        i -> warmOperations.acceptanceTasks(alice, WIDGETS, prIds[i], CRITERIA, true)),
                new Phase("criteria as tasks again (a rerun: all there)", 1,
                        i -> warmOperations.acceptanceTasks(alice, WIDGETS, prIds[i], CRITERIA, false)),
                new Phase("acceptance progress (PR status adds it)", 1,
                        i -> warmOperations.acceptanceProgress(alice, WIDGETS, prIds[i])),
                new Phase("open PR with the repository's default reviewers", 3,
                        i -> warmOperations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, "DEF-" + (i + 1),
                                "feature/DEF-" + (i + 1)).withDefaultReviewers(true))));

        int warmupOperations = warmUp(warmOperations, sandbox, alice, aliceToken, bobUuid, Math.min(n, 200));
        // Not measured: the branches the default-reviewers phase opens its pull requests from.
        sandbox.addDefaultReviewer("acme-team", "widgets", "bob@acme.test", "repository");
        for (int i = 0; i < n; i++) {
            String branch = warmOperations.startBranch(alice, NewBranch.of(WIDGETS, "DEF-" + (i + 1))).branch();
            warmOperations.pushSpec(alice, SpecUpdate.of(WIDGETS, "DEF-" + (i + 1), branch, spec(i)));
        }

        OkHttpClient bare = new OkHttpClient();
        int[] requests = new int[phases.size()];
        List<List<Double>> ratios = new ArrayList<>();
        phases.forEach(phase -> ratios.add(new ArrayList<>()));
        // Rounds alternate the two sides, so drift (JIT, GC, the sandbox growing) does not favour either.
        for (int round = 0; round < ROUNDS; round++) {
            int from = round * n / ROUNDS;
            int to = (round + 1) * n / ROUNDS;
            for (int p = 0; p < phases.size(); p++) {
                sandbox.clearExchanges();
                long start = System.nanoTime();
                for (int i = from; i < to; i++) {
                    phases.get(p).step().run(i);
                }
                long operationsNanos = System.nanoTime() - start;
                List<Exchange> sent = sandbox.exchanges();
                requests[p] += sent.size();
                if (!sent.isEmpty()) { // a phase that sends nothing has no replay to compare with
                    ratios.get(p).add(operationsNanos / (double) replay(bare, sent));
                }
            }
        }
        StringBuilder report = new StringBuilder();
        report.append("| operation | runs | requests/op | minimum | operations time / bare okhttp replay: median (range) of "
                + ROUNDS + " rounds |\n");
        report.append("|---|---:|---:|---:|---:|\n");
        for (int p = 0; p < phases.size(); p++) {
            List<Double> sorted = ratios.get(p).stream().sorted().toList();
            String ratio = sorted.isEmpty() ? "– (no request to replay)" : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)",
                    sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
            report.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %d | %s |%n", phases.get(p).name(), n,
                    requests[p] / (double) n, phases.get(p).minimum(), ratio));
        }
        report.append(String.format(Locale.ROOT, "%nTCP connections opened by the client over all %d operations: %d%n",
                n * phases.size() + warmupOperations + 2 * n, connectionsOpened.get()));
        return report.toString();
    }

    /** Runs every operation on other tickets, so the JIT has compiled both paths and the main branch is cached. */
    private static int warmUp(KonductroOperations operations, BitbucketSandbox sandbox, Developer alice, ApiTokenCredential token,
            String bobUuid, int rounds) throws Exception {
        OkHttpClient bare = new OkHttpClient();
        for (int i = 0; i < rounds; i++) {
            sandbox.clearExchanges();
            String ticket = "WARM-" + (i + 1);
            operations.verifyCredential(token);
            String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, ticket)).branch();
            operations.pushSpec(alice, SpecUpdate.of(WIDGETS, ticket, branch, spec(i)));
            long id = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, ticket, branch)
                    .withReviewers(List.of(bobUuid))).id();
            operations.pullRequestStatus(alice, PullRequestLookup.byId(WIDGETS, id));
            replay(bare, sandbox.exchanges());
        }
        bare.connectionPool().evictAll();
        return rounds * 5;
    }

    /** Sends the recorded requests again, one after the other, with a plain okhttp client; returns the time taken. */
    private static long replay(OkHttpClient bare, List<Exchange> exchanges) throws IOException {
        List<Request> requests = new ArrayList<>(exchanges.size());
        for (Exchange exchange : exchanges) {
            Headers.Builder headers = new Headers.Builder();
            exchange.requestHeaders().forEach((name, values) -> {
                if (!NOT_REPLAYED.contains(name)) {
                    values.forEach(value -> headers.add(name, value));
                }
            });
            String contentType = exchange.requestHeader("content-type");
            RequestBody body = exchange.method().equals("GET") ? null
                    : RequestBody.create(exchange.requestBody(), contentType == null ? null : MediaType.parse(contentType));
            requests.add(new Request.Builder().url(urlOf(exchange)).headers(headers.build()).method(exchange.method(), body).build());
        }
        long start = System.nanoTime();
        for (Request request : requests) {
            try (Response response = bare.newCall(request).execute()) {
                response.body().bytes();
            }
        }
        return System.nanoTime() - start;
    }

    private static String urlOf(Exchange exchange) {
        String host = exchange.requestHeader("host");
        return "http://" + host + exchange.rawTarget();
    }

    private static String spec(int i) {
        return "# Ticket " + i + "\n\nBenchmark spec " + i + ".\n";
    }
}
