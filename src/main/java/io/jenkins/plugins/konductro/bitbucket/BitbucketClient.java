package io.jenkins.plugins.konductro.bitbucket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Credentials;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * The Bitbucket Cloud REST API 2.0 calls Konductro makes, one method per call. One instance (and its
 * connection pool) serves every developer: each call takes the acting developer's credential.
 * Thread-safe.
 */
public final class BitbucketClient {
    public static final String DEFAULT_API_URL = "https://api.bitbucket.org/2.0";
    public static final String USER_AGENT = "konductro-jenkins/" + version();

    private static final String CLOUD_API_HOST = "api.bitbucket.org";
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    private static final Logger LOGGER = Logger.getLogger(BitbucketClient.class.getName());

    private final HttpUrl apiUrl;
    private final OkHttpClient http;
    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;

    private BitbucketClient(Builder builder) {
        this.apiUrl = builder.apiUrl;
        this.retryPolicy = builder.retryPolicy;
        this.sleeper = builder.sleeper;
        // newBuilder() shares the caller's connection pool (and proxy settings). Automatic retries are off: they
        // could re-send a POST that Bitbucket already processed; this class decides what is safe to repeat.
        this.http = (builder.httpClient == null ? new OkHttpClient() : builder.httpClient).newBuilder()
                .connectTimeout(builder.connectTimeout)
                .readTimeout(builder.readTimeout)
                .writeTimeout(builder.readTimeout)
                .callTimeout(builder.callTimeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .dispatcher(dispatcher())
                .build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public String apiUrl() {
        return apiUrl.toString();
    }

    /** {@code GET /user}. */
    public BitbucketUser currentUser(ApiTokenCredential credential) throws IOException {
        return toUser(getJson(credential, url("user").build()));
    }

    /** {@code GET /user/workspaces/{workspace}/permission}: the role, and the member's account when the answer has it. */
    public WorkspacePermission workspacePermission(ApiTokenCredential credential, String workspace) throws IOException {
        String slug = BitbucketInputs.workspaceSlug(workspace);
        JsonNode answer = getJson(credential, url("user", "workspaces", slug, "permission").build());
        BitbucketUser member = toUser(answer.path("user"));
        return new WorkspacePermission(slug, text(answer, "permission"), member.uuid() == null ? null : member);
    }

    /** {@code GET /repositories/{workspace}?role=member}, every page: the slugs of the repositories the token's account is a member of. */
    public List<String> listRepositories(ApiTokenCredential credential, String workspace) throws IOException {
        HttpUrl next = url("repositories", BitbucketInputs.workspaceSlug(workspace))
                .addQueryParameter("role", "member")
                .addQueryParameter("pagelen", "100")
                .addQueryParameter("fields", "values.slug,next")
                .build();
        List<String> slugs = new ArrayList<>();
        forEachValue(credential, next, repository -> slugs.add(text(repository, "slug")));
        return slugs;
    }

    /**
     * {@code GET /repositories/{workspace}/{repo}}: the repository's slug, or empty when it does not exist or the
     * token's account may not see it (Bitbucket answers both with 404).
     */
    public Optional<String> repositorySlug(ApiTokenCredential credential, RepositoryRef repository) throws IOException {
        HttpUrl url = repositoryUrl(repository).addQueryParameter("fields", "slug").build();
        return getIfPresent(credential, url, response -> text(readJson(response), "slug"));
    }

    /** The name of the repository's main branch. */
    public String mainBranch(ApiTokenCredential credential, RepositoryRef repository) throws IOException {
        JsonNode answer = getJson(credential, repositoryUrl(repository).addQueryParameter("fields", "mainbranch.name").build());
        String name = text(answer.path("mainbranch"), "name");
        if (name == null) {
            throw new BitbucketException.NotFound("Repository " + repository.fullName() + " has no main branch yet (it is empty).");
        }
        return name;
    }

    /** {@code GET .../refs/branches/{name}}, or empty when there is no such branch. */
    public Optional<Branch> branch(ApiTokenCredential credential, RepositoryRef repository, String name) throws IOException {
        HttpUrl url = repositoryUrl(repository).addPathSegments("refs/branches").addPathSegment(name).build();
        return getIfPresent(credential, url, response -> toBranch(readJson(response)));
    }

    /** {@code POST .../refs/branches} from a full commit SHA. */
    public Branch createBranch(ApiTokenCredential credential, RepositoryRef repository, String name, String hash)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("name", name);
        body.putObject("target").put("hash", hash);
        HttpUrl url = repositoryUrl(repository).addPathSegments("refs/branches").build();
        return toBranch(postJson(credential, url, body));
    }

    /** {@code GET .../src/{commit}/{path}}: the file's bytes, or empty when it does not exist there. */
    public Optional<byte[]> readFile(ApiTokenCredential credential, RepositoryRef repository, String commit, String path)
            throws IOException {
        HttpUrl url = repositoryUrl(repository).addPathSegment("src").addPathSegment(commit).addPathSegments(path).build();
        return getIfPresent(credential, url, response -> response.body().bytes());
    }

    /**
     * {@code POST .../src} as multipart. Bitbucket refuses with 409 ({@link BitbucketException.Conflict}) when
     * {@code parent} is no longer the branch head; nothing is written then.
     */
    public void commitFiles(ApiTokenCredential credential, RepositoryRef repository, FileCommit commit) throws IOException {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("message", commit.message())
                .addFormDataPart("author", commit.author())
                .addFormDataPart("branch", commit.branch())
                .addFormDataPart("parents", commit.parent());
        commit.files().forEach((path, bytes) -> form.addFormDataPart(
                path, path.substring(path.lastIndexOf('/') + 1), RequestBody.create(bytes, MediaType.get("application/octet-stream"))));
        HttpUrl url = repositoryUrl(repository).addPathSegment("src").build();
        try (Response response = send(credential, new Request.Builder().url(url).post(form.build()), false)) {
            requireSuccess(credential, response);
        }
    }

    /**
     * The most recently updated pull request from {@code sourceBranch}; only open ones when {@code openOnly}.
     * Bitbucket ignores a separate {@code state=} next to {@code q=}, so the state goes into the query.
     */
    public Optional<PullRequest> findPullRequest(
            ApiTokenCredential credential, RepositoryRef repository, String sourceBranch, boolean openOnly) throws IOException {
        String query = "source.branch.name=\"" + sourceBranch.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                + (openOnly ? " AND state=\"OPEN\"" : "");
        HttpUrl url = repositoryUrl(repository).addPathSegment("pullrequests")
                .addQueryParameter("q", query)
                .addQueryParameter("sort", "-updated_on")
                .addQueryParameter("pagelen", "1")
                .build();
        JsonNode page = getJson(credential, url);
        JsonNode first = page.path("values").path(0);
        return first.isObject() ? Optional.of(toPullRequest(first)) : Optional.empty();
    }

    /** {@code POST .../pullrequests}. */
    public PullRequest createPullRequest(ApiTokenCredential credential, RepositoryRef repository, NewPullRequest pr)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode().put("title", pr.title());
        if (pr.description() != null) {
            body.put("description", pr.description());
        }
        body.putObject("source").putObject("branch").put("name", pr.sourceBranch());
        if (pr.destinationBranch() != null) {
            body.putObject("destination").putObject("branch").put("name", pr.destinationBranch());
        }
        pr.reviewerUuids().forEach(uuid -> body.withArray("reviewers").addObject().put("uuid", uuid));
        body.put("close_source_branch", pr.closeSourceBranch());
        return toPullRequest(postJson(credential, repositoryUrl(repository).addPathSegment("pullrequests").build(), body));
    }

    /** Pull requests in a page of the list: at most what one request asks for (Bitbucket's limit for pull requests). */
    public static final int PULL_REQUESTS_PER_PAGE = 50;

    /**
     * The pull requests with these ids, in any state, with what a page shows of them: one list request per 50 ids
     * ({@code q=(id=1 OR id=2 …) AND (state="OPEN" OR …)}, {@code fields=} for id, title, state, link and update
     * time). Ids Bitbucket does not answer for (deleted, or not visible to this token) are missing from the result.
     */
    public List<PullRequest> pullRequests(ApiTokenCredential credential, RepositoryRef repository, Collection<Long> ids)
            throws IOException {
        List<Long> wanted = ids.stream().distinct().sorted().toList();
        List<PullRequest> found = new ArrayList<>();
        for (int from = 0; from < wanted.size(); from += PULL_REQUESTS_PER_PAGE) {
            List<Long> chunk = wanted.subList(from, Math.min(wanted.size(), from + PULL_REQUESTS_PER_PAGE));
            String query = "(" + String.join(" OR ", chunk.stream().map(id -> "id=" + id).toList()) + ") AND "
                    + "(state=\"OPEN\" OR state=\"MERGED\" OR state=\"DECLINED\" OR state=\"SUPERSEDED\")";
            HttpUrl next = repositoryUrl(repository).addPathSegment("pullrequests")
                    .addQueryParameter("q", query)
                    .addQueryParameter("pagelen", Integer.toString(PULL_REQUESTS_PER_PAGE))
                    .addQueryParameter("fields", "values.id,values.title,values.state,values.links.html.href,"
                            + "values.updated_on,values.merge_commit.hash,next")
                    .build();
            forEachValue(credential, next, pr -> found.add(toPullRequest(pr)));
        }
        return found;
    }

    /** Tasks are listed 100 a page, Bitbucket's largest. */
    public static final int TASKS_PER_PAGE = 100;

    /** {@code GET .../pullrequests/{id}/tasks}, every page, in creation order: text and state only. */
    public List<PullRequestTask> tasks(ApiTokenCredential credential, RepositoryRef repository, long pullRequestId)
            throws IOException {
        HttpUrl first = tasksUrl(repository, pullRequestId)
                .addQueryParameter("pagelen", Integer.toString(TASKS_PER_PAGE))
                .addQueryParameter("fields", "values.id,values.state,values.content.raw,next")
                .build();
        List<PullRequestTask> tasks = new ArrayList<>();
        forEachValue(credential, first, task -> tasks.add(toTask(task)));
        return tasks;
    }

    /** {@code POST .../pullrequests/{id}/tasks}: a new, unresolved task with this text. */
    public PullRequestTask createTask(ApiTokenCredential credential, RepositoryRef repository, long pullRequestId, String text)
            throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.putObject("content").put("raw", text);
        return toTask(postJson(credential, tasksUrl(repository, pullRequestId).build(), body));
    }

    /**
     * {@code GET .../effective-default-reviewers}, every page: the repository's default reviewers, set on it or
     * inherited from its project, whom Bitbucket adds only to pull requests created in its web UI.
     */
    public List<DefaultReviewer> effectiveDefaultReviewers(ApiTokenCredential credential, RepositoryRef repository)
            throws IOException {
        HttpUrl first = repositoryUrl(repository).addPathSegment("effective-default-reviewers")
                .addQueryParameter("pagelen", "100")
                .addQueryParameter("fields", "values.reviewer_type,values.user.uuid,values.user.display_name,next")
                .build();
        List<DefaultReviewer> reviewers = new ArrayList<>();
        forEachValue(credential, first, value -> reviewers.add(new DefaultReviewer(text(value.path("user"), "uuid"),
                text(value.path("user"), "display_name"), text(value, "reviewer_type"))));
        return reviewers;
    }

    private HttpUrl.Builder tasksUrl(RepositoryRef repository, long pullRequestId) {
        return repositoryUrl(repository).addPathSegment("pullrequests").addPathSegment(Long.toString(pullRequestId))
                .addPathSegment("tasks");
    }

    private static PullRequestTask toTask(JsonNode task) {
        return new PullRequestTask(task.path("id").asLong(), text(task.path("content"), "raw"),
                "RESOLVED".equals(text(task, "state")));
    }

    /** Reads {@code first} and every page after it (following {@code next}), handing each of their values on. */
    private void forEachValue(ApiTokenCredential credential, HttpUrl first, java.util.function.Consumer<JsonNode> value)
            throws IOException {
        for (HttpUrl next = first; next != null; ) {
            JsonNode page = getJson(credential, next);
            page.path("values").forEach(value);
            next = nextPage(page);
        }
    }

    /** {@code GET .../pullrequests/{id}}. */
    public PullRequest pullRequest(ApiTokenCredential credential, RepositoryRef repository, long id) throws IOException {
        HttpUrl url = repositoryUrl(repository).addPathSegment("pullrequests").addPathSegment(Long.toString(id)).build();
        return toPullRequest(getJson(credential, url));
    }

    private HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder builder = apiUrl.newBuilder();
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    private HttpUrl.Builder repositoryUrl(RepositoryRef repository) {
        return url("repositories", repository.workspace(), repository.repo());
    }

    /** Follows {@code next} as an opaque URL, but only back to the same API: the token goes nowhere else. */
    private HttpUrl nextPage(JsonNode page) throws BitbucketException {
        String next = text(page, "next");
        if (next == null) {
            return null;
        }
        HttpUrl url = HttpUrl.parse(next);
        if (url == null || !url.scheme().equals(apiUrl.scheme()) || !url.host().equals(apiUrl.host()) || url.port() != apiUrl.port()) {
            throw new BitbucketException.UnexpectedStatus(200, "Bitbucket's next-page link points outside " + apiUrl + "; not followed.");
        }
        return url;
    }

    private JsonNode getJson(ApiTokenCredential credential, HttpUrl url) throws IOException {
        try (Response response = send(credential, new Request.Builder().url(url).get(), true)) {
            requireSuccess(credential, response);
            return readJson(response);
        }
    }

    /**
     * A GET whose 404 means "there is none" rather than an error; but only Bitbucket's own 404, with its JSON error:
     * an HTML 404 (a proxy's, an outage page) says nothing about what exists.
     */
    private <T> Optional<T> getIfPresent(ApiTokenCredential credential, HttpUrl url, BodyReader<T> reader) throws IOException {
        try (Response response = send(credential, new Request.Builder().url(url).get(), true)) {
            if (response.code() == 404) {
                if (ErrorBody.read(response).fromApi()) {
                    return Optional.empty();
                }
                throw notFoundOutsideTheApi(response);
            }
            requireSuccess(credential, response);
            return Optional.of(reader.read(response));
        }
    }

    /** An HTTP 404 that is not Bitbucket's JSON error (a proxy's or an outage page) says nothing about what exists. */
    private BitbucketException notFoundOutsideTheApi(Response response) {
        MediaType type = response.body().contentType();
        return new BitbucketException.UnexpectedStatus(404, "Bitbucket Cloud answered HTTP 404 for "
                + describe(response.request()) + " with " + (type == null ? "no content type" : type.type() + "/"
                + type.subtype()) + " instead of its API's JSON error (a proxy's or an outage page?), so whether it "
                + "exists is unknown. Try again; if it goes on, check Jenkins' proxy settings.");
    }

    @FunctionalInterface
    private interface BodyReader<T> {
        T read(Response response) throws IOException;
    }

    private JsonNode postJson(ApiTokenCredential credential, HttpUrl url, JsonNode body) throws IOException {
        RequestBody json = RequestBody.create(MAPPER.writeValueAsBytes(body), JSON);
        try (Response response = send(credential, new Request.Builder().url(url).post(json), false)) {
            requireSuccess(credential, response);
            return readJson(response);
        }
    }

    private static JsonNode readJson(Response response) throws IOException {
        try (InputStream in = response.body().byteStream()) {
            return MAPPER.readTree(in);
        }
    }

    /**
     * Sends with retries: 429, 503 and gateway failures (502/504/555) for reads; for writes only 429 and 503, the
     * answers that prove the request was not processed, while a gateway failure or a lost connection on a write
     * is reported as {@link BitbucketException.NoAnswer} for the caller to re-read. Waits honour Retry-After, stay
     * within the policy's budget and end at once when the thread is interrupted.
     */
    private Response send(ApiTokenCredential credential, Request.Builder builder, boolean idempotent) throws IOException {
        Request request = builder
                .header("Authorization", Credentials.basic(credential.email(), credential.token(), StandardCharsets.UTF_8))
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json")
                .build();
        String call = describe(request);
        long waitedNanos = 0;
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("Interrupted before " + call);
            }
            Response response;
            try {
                response = execute(request, call);
            } catch (IOException e) {
                if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                Duration wait = backoff(attempt);
                if (!idempotent || attempt >= retryPolicy.maxAttempts() || !fitsBudget(waitedNanos, wait)) {
                    throw new BitbucketException.NoAnswer("No answer from Bitbucket Cloud for " + call + " after "
                            + attempt + (attempt == 1 ? " attempt" : " attempts") + ": " + e.getClass().getSimpleName()
                            + (idempotent ? "" : " (the request may or may not have been processed)"), e);
                }
                waitedNanos += pause(wait, call, attempt, e.getClass().getSimpleName());
                continue;
            }
            if (!idempotent && isGatewayFailure(response.code())) {
                try (response) {
                    throw new BitbucketException.NoAnswer("Bitbucket Cloud's gateway answered HTTP " + response.code() + " for "
                            + call + ": the request may or may not have been processed", null);
                }
            }
            if (!isRetryable(response.code(), idempotent)) {
                return response;
            }
            Optional<Duration> asked = retryAfter(response);
            Duration wait = asked.isPresent() ? asked.get() : backoff(attempt);
            boolean outOfAttempts = attempt >= retryPolicy.maxAttempts();
            if (outOfAttempts || !fitsBudget(waitedNanos, wait)) {
                try (response) {
                    throw gaveUp(response, call, attempt, outOfAttempts ? null : wait);
                }
            }
            response.close();
            waitedNanos += pause(wait, call, attempt, "HTTP " + response.code());
        }
    }

    /**
     * Runs one call so that interrupting the waiting thread (an aborted build) cancels it at once; a blocking
     * {@code execute()} would sit out the read timeout.
     */
    private Response execute(Request request, String call) throws IOException {
        Call pending = http.newCall(request);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        pending.enqueue(new Callback() {
            @Override
            public void onFailure(Call failed, IOException e) {
                answer.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call done, Response response) {
                if (!answer.complete(response)) {
                    response.close();
                }
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            pending.cancel();
            answer.cancel(false);
            answer.thenAccept(Response::close); // an answer that arrived meanwhile is released
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted during " + call);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Daemon threads, so an idle client never keeps a JVM alive; more parallel calls per host than okhttp's 5. */
    private static Dispatcher dispatcher() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "konductro-bitbucket-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        Dispatcher dispatcher = new Dispatcher(executor);
        dispatcher.setMaxRequests(64);
        dispatcher.setMaxRequestsPerHost(32);
        return dispatcher;
    }

    private static boolean isRetryable(int code, boolean idempotent) {
        return code == 429 || code == 503 || (idempotent && isGatewayFailure(code));
    }

    /** The gateway gave up waiting for Bitbucket: for a POST, whether it was processed is unknown. */
    private static boolean isGatewayFailure(int code) {
        return code == 502 || code == 504 || code == 555;
    }

    private boolean fitsBudget(long waitedNanos, Duration wait) {
        return waitedNanos + wait.toNanos() <= retryPolicy.waitBudget().toNanos();
    }

    private long pause(Duration wait, String call, int attempt, String reason) throws InterruptedIOException {
        LOGGER.log(Level.FINE, "{0} got {1} on attempt {2}; retrying in {3} ms", new Object[] {call, reason, attempt, wait.toMillis()});
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to retry " + call);
        }
        return wait.toNanos();
    }

    /** Exponential backoff with jitter: a random wait between half and all of the doubled step. */
    private Duration backoff(int attempt) {
        long max = retryPolicy.maxBackoff().toNanos();
        long step = Math.min(max, retryPolicy.initialBackoff().toNanos());
        for (int i = 1; i < attempt && step < max; i++) {
            step = step > max / 2 ? max : step * 2;
        }
        return Duration.ofNanos(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
    }

    /** Retry-After in seconds or as an HTTP date, at most a day (any longer wait is beyond every budget). */
    static Optional<Duration> retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        Duration wait;
        if (value.strip().matches("\\d{1,18}")) {
            wait = Duration.ofSeconds(Long.parseLong(value.strip()));
        } else {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait);
    }

    /** {@code refusedWait} is the wait that would have broken the budget, or null when attempts ran out. */
    private BitbucketException gaveUp(Response response, String call, int attempts, Duration refusedWait) throws IOException {
        ErrorBody error = ErrorBody.read(response);
        String tried = " after " + attempts + (attempts == 1 ? " attempt" : " attempts") + (refusedWait == null
                ? "" : " (waiting " + refusedWait.toSeconds() + " s more would exceed the retry budget of "
                        + retryPolicy.waitBudget().toSeconds() + " s)");
        if (response.code() == 429) {
            return new BitbucketException.RateLimited("Bitbucket Cloud rate limit reached for " + call + tried
                    + ". API tokens get about 1,000 repository requests an hour; try again later.");
        }
        return new BitbucketException.ServerError(response.code(), "Bitbucket Cloud answered HTTP " + response.code()
                + " for " + call + tried + error.ending() + " Check https://bitbucket.status.atlassian.com and try again.");
    }

    private void requireSuccess(ApiTokenCredential credential, Response response) throws IOException {
        if (response.isSuccessful()) {
            return;
        }
        String call = describe(response.request());
        ErrorBody error = ErrorBody.read(response);
        int code = response.code();
        switch (code) {
            case 400 -> throw new BitbucketException.BadRequest("Bitbucket Cloud refused " + call + error.suffix()
                    + (error.fields.isEmpty() ? "" : " " + error.fields), error.message, error.fields);
            case 401 -> throw new BitbucketException.AuthenticationFailed("Bitbucket Cloud did not accept the API token for "
                    + credential.email() + " (HTTP 401 on " + call + "). Check that " + credential.email()
                    + " is the e-mail of your Atlassian account, and that the token was created \"with scopes\" and has "
                    + "not expired or been revoked. App passwords stopped working on 2026-07-28.");
            case 403 -> {
                if (!error.requiredScopes.isEmpty() || error.message.contains("privilege scopes")) {
                    throw new BitbucketException.MissingScope("The API token of " + credential.email() + " lacks "
                            + (error.requiredScopes.isEmpty() ? "a scope" : "the scope " + String.join(", ", error.requiredScopes))
                            + " needed for " + call + ". Create a new API token with scopes at id.atlassian.com › Security "
                            + "› API tokens that includes it (scopes cannot be added to an existing token).",
                            error.requiredScopes);
                }
                throw new BitbucketException.AccessDenied("Bitbucket Cloud refused " + call + " for " + credential.email()
                        + error.ending());
            }
            case 404 -> {
                if (!error.fromApi()) {
                    throw notFoundOutsideTheApi(response);
                }
                throw new BitbucketException.NotFound("Not found: " + call + " does not exist or is not visible to "
                        + credential.email() + error.ending());
            }
            case 409 -> throw new BitbucketException.Conflict("Conflict on " + call + ": the branch moved since it was read"
                    + error.ending());
            case 410 -> throw new BitbucketException.Gone("Bitbucket Cloud no longer serves " + call + " (HTTP 410 Gone: the "
                    + "endpoint was removed, or the account is flagged)" + error.ending());
            default -> {
                if (code >= 500) {
                    throw new BitbucketException.ServerError(code, "Bitbucket Cloud failed on " + call + " (HTTP " + code + ")"
                            + error.ending() + " Try again later.");
                }
                throw new BitbucketException.UnexpectedStatus(code, "Unexpected HTTP " + code + " from Bitbucket Cloud for "
                        + call + error.ending());
            }
        }
    }

    /** Method and path only: queries can be long, and nothing secret is ever in either. */
    private String describe(Request request) {
        String path = request.url().encodedPath();
        String root = apiUrl.encodedPath();
        return request.method() + " " + (path.startsWith(root) ? path.substring(root.length() - (root.endsWith("/") ? 1 : 0)) : path);
    }

    private static BitbucketUser toUser(JsonNode user) {
        return new BitbucketUser(text(user, "uuid"), text(user, "account_id"), text(user, "display_name"), text(user, "nickname"));
    }

    private static Branch toBranch(JsonNode branch) {
        return new Branch(text(branch, "name"), text(branch.path("target"), "hash"));
    }

    private static PullRequest toPullRequest(JsonNode pr) {
        List<String> reviewers = new ArrayList<>();
        pr.path("reviewers").forEach(reviewer -> reviewers.add(text(reviewer, "uuid")));
        return new PullRequest(
                pr.path("id").asLong(),
                text(pr, "title"),
                text(pr, "state"),
                RepositoryRef.webLinkOrNull(text(pr.path("links").path("html"), "href")),
                text(pr.path("source").path("branch"), "name"),
                text(pr.path("destination").path("branch"), "name"),
                text(pr, "updated_on"),
                text(pr.path("merge_commit"), "hash"),
                text(pr.path("author"), "uuid"),
                reviewers);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = BitbucketClient.class.getResourceAsStream("client.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            // fall through to "dev"
        }
        String version = properties.getProperty("version", "dev");
        return version.startsWith("${") ? "dev" : version;
    }

    /** What Bitbucket said in an error answer; HTML and empty bodies give an empty message. */
    /** @param fromApi whether the answer is Bitbucket's JSON error object, not some other page */
    private record ErrorBody(String message, Map<String, String> fields, List<String> requiredScopes, boolean fromApi) {
        private static final ErrorBody NONE = new ErrorBody("", Map.of(), List.of(), false);

        static ErrorBody read(Response response) throws IOException {
            ResponseBody body = response.body();
            MediaType type = body.contentType();
            if (type == null || !type.subtype().toLowerCase(Locale.ROOT).contains("json")) {
                return NONE;
            }
            JsonNode error;
            try {
                BufferedSource source = body.source();
                source.request(MAX_ERROR_BODY);
                error = MAPPER.readTree(source.getBuffer().readByteArray(Math.min(source.getBuffer().size(), MAX_ERROR_BODY)))
                        .path("error");
            } catch (IOException | RuntimeException unreadable) {
                return NONE;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : error.path("fields").properties()) {
                fields.put(field.getKey(), field.getValue().isArray() ? joined(field.getValue()) : field.getValue().asText());
            }
            List<String> required = new ArrayList<>();
            // The definition types detail as a string, but for missing scopes Bitbucket sends an object.
            error.path("detail").path("required").forEach(scope -> required.add(scope.asText()));
            return new ErrorBody(error.path("message").asText(""), fields, required, error.isObject());
        }

        private static String joined(JsonNode array) {
            List<String> parts = new ArrayList<>();
            array.forEach(part -> parts.add(part.asText()));
            return String.join("; ", parts);
        }

        String suffix() {
            return message.isEmpty() ? "" : ": " + message;
        }

        /** The suffix, ending the sentence once, whether or not Bitbucket's own message ends with a full stop. */
        String ending() {
            return Sentence.end(suffix());
        }
    }

    /** How the client waits between attempts; tests record waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final class Builder {
        private HttpUrl apiUrl = HttpUrl.get(DEFAULT_API_URL);
        private OkHttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Sleeper sleeper = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

        private Builder() {}

        /** Whether {@code url} is an http(s) URL of this machine (a stand-in for Bitbucket Cloud in tests). */
        public static boolean isLoopback(String url) {
            HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
            return parsed != null && LOOPBACK.contains(parsed.host());
        }

        /** Bitbucket Cloud's API root; plain http is accepted for loopback addresses only. */
        public Builder apiUrl(String url) {
            HttpUrl parsed = url == null ? null : HttpUrl.parse(url.strip());
            if (parsed == null) {
                throw new InvalidInputException("API URL " + BitbucketInputs.quoted(url) + " is not an http(s) URL. Use "
                        + DEFAULT_API_URL + ".");
            }
            if (parsed.username().length() > 0 || parsed.password().length() > 0) {
                throw new InvalidInputException("The API URL must not contain credentials.");
            }
            boolean loopback = LOOPBACK.contains(parsed.host());
            if (!loopback && !parsed.host().equals(CLOUD_API_HOST)) {
                throw new InvalidInputException("API URL host " + parsed.host() + " is not Bitbucket Cloud. Konductro "
                        + "works with Bitbucket Cloud only (" + DEFAULT_API_URL + "); Bitbucket Server and Data Center "
                        + "are not supported.");
            }
            if (!loopback && !parsed.isHttps()) {
                throw new InvalidInputException("API URL must use https (plain http only for loopback).");
            }
            String path = parsed.encodedPath();
            this.apiUrl = path.endsWith("/") && path.length() > 1
                    ? parsed.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build() : parsed;
            return this;
        }

        /** An OkHttpClient to derive from (Jenkins passes one with its proxy settings); its pool is shared. */
        public Builder httpClient(OkHttpClient client) {
            this.httpClient = client;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read, Duration call) {
            for (Duration d : List.of(connect, read, call)) {
                if (d.isZero() || d.isNegative()) {
                    throw new IllegalArgumentException("Timeouts must be positive: zero would wait forever.");
                }
            }
            this.connectTimeout = connect;
            this.readTimeout = read;
            this.callTimeout = call;
            return this;
        }

        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = policy;
            return this;
        }

        Builder sleeper(Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public BitbucketClient build() {
            return new BitbucketClient(this);
        }
    }
}
