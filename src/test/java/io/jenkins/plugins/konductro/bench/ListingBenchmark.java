package io.jenkins.plugins.konductro.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.BitbucketClient;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.sandbox.Exchange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Listing a workspace of 1,000 repositories for the "link existing repository" field (issue 10 §3): requests against
 * the minimum (1,000 at 100 a page: 10), the client's time against a bare okhttp loop that asks for the same first
 * page and follows {@code next} itself (reading each page with Jackson, as the client does), and what the form's
 * second look costs. Usage: part of {@code mvn -q test-compile exec:java@bench}.
 */
public final class ListingBenchmark {
    static final int REPOSITORIES = 1000;

    private ListingBenchmark() {}

    static String run(BitbucketSandbox sandbox, int rounds) throws Exception {
        for (int i = 1; i < REPOSITORIES; i++) { // the demo workspace has widgets already
            sandbox.addRepository("acme-team", String.format("repo-%04d", i), "main", true);
        }
        ApiTokenCredential alice = ApiTokenCredential.of("acme-team", "alice@acme.test", sandbox.demoToken("alice"));
        BitbucketClient client = BitbucketClient.builder().apiUrl(sandbox.apiUrl()).build();
        OkHttpClient bare = new OkHttpClient();
        ObjectMapper json = new ObjectMapper();

        sandbox.clearExchanges();
        int listed = client.listRepositories(alice, "acme-team").size();
        List<Exchange> pages = sandbox.exchanges();
        Exchange first = pages.get(0);
        String firstUrl = "http://" + first.requestHeader("host") + first.rawTarget();
        String authorization = first.requestHeader("authorization");

        for (int warm = 0; warm < 20; warm++) {
            client.listRepositories(alice, "acme-team");
            bareLoop(bare, json, firstUrl, authorization);
        }
        List<Double> ratios = new ArrayList<>();
        List<Double> clientMillis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            client.listRepositories(alice, "acme-team");
            long clientNanos = System.nanoTime() - start;
            start = System.nanoTime();
            int bareListed = bareLoop(bare, json, firstUrl, authorization);
            long bareNanos = System.nanoTime() - start;
            if (bareListed != listed) {
                throw new IllegalStateException("the bare loop listed " + bareListed + ", the client " + listed);
            }
            ratios.add(clientNanos / (double) bareNanos);
            clientMillis.add(clientNanos / 1e6);
        }
        KonductroOperations operations = new KonductroOperations(client);
        operations.repositoriesToLink("alice", alice);
        sandbox.clearExchanges();
        operations.repositoriesToLink("alice", alice);
        int secondLook = sandbox.exchanges().size();

        List<Double> sorted = ratios.stream().sorted().toList();
        List<Double> millis = clientMillis.stream().sorted().toList();
        return String.format(Locale.ROOT, "%n| listing | repositories | requests | minimum | client ms (median) | client time / bare "
                + "okhttp loop: median (range) of %d rounds | the form's second look (kept 2 min per user and workspace) |%n"
                + "|---|---:|---:|---:|---:|---:|---:|%n"
                + "| GET /repositories/{ws}?role=member&pagelen=100&fields=values.slug,next | %d | %d | %d | %.1f | %.2f (%.2f–%.2f) | %d requests |%n",
                rounds, listed, pages.size(), (listed + 99) / 100, millis.get(millis.size() / 2),
                sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), secondLook);
    }

    /** The same pages with nothing but okhttp and Jackson: get, read, follow {@code next}. */
    private static int bareLoop(OkHttpClient bare, ObjectMapper json, String url, String authorization) throws IOException {
        int count = 0;
        String next = url;
        while (next != null) {
            Request request = new Request.Builder().url(next).header("Authorization", authorization)
                    .header("Accept", "application/json").build();
            try (Response response = bare.newCall(request).execute()) {
                JsonNode page = json.readTree(response.body().byteStream());
                count += page.path("values").size();
                next = page.hasNonNull("next") ? page.get("next").asText() : null;
            }
        }
        return count;
    }
}
