package io.jenkins.plugins.konductro.bitbucket;

import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.BranchJson;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.DefaultReviewerJson;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.Page;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.PermissionJson;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.PullRequestJson;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.RepositoryJson;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.TaskJson;
import io.jenkins.plugins.konductro.bitbucket.JsonAnswers.UserJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The Bitbucket Cloud REST API 2.0 calls Konductro makes, one method per call: its URL, what it sends and which answer
 * it reads. One instance (and its connection pool) serves every developer: each call takes the acting developer's
 * credential. Thread-safe.
 */
public final class BitbucketClient {
    public static final String DEFAULT_API_URL = "https://api.bitbucket.org/2.0";
    public static final String USER_AGENT = ApiCalls.USER_AGENT;

    /** Pull requests in a page of the list: at most what one request asks for (Bitbucket's limit for pull requests). */
    public static final int PULL_REQUESTS_PER_PAGE = 50;

    /** Tasks are listed 100 a page, Bitbucket's largest. */
    public static final int TASKS_PER_PAGE = 100;

    private static final MediaType BYTES = MediaType.get("application/octet-stream");

    private final HttpUrl apiUrl;
    private final ApiCalls calls;
    private final Pages pages;

    private BitbucketClient(Builder builder) {
        this.apiUrl = builder.apiUrl;
        InterruptibleCalls http = new InterruptibleCalls(
                builder.httpClient, builder.connectTimeout, builder.readTimeout, builder.callTimeout);
        this.calls = new ApiCalls(apiUrl, new RetryingSender(http::execute, builder.retryPolicy, builder.sleeper));
        this.pages = new Pages(apiUrl, calls);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String apiUrl() {
        return apiUrl.toString();
    }

    /** {@code GET /user}. */
    public BitbucketUser currentUser(ApiTokenCredential credential) throws IOException {
        return calls.get(credential, url("user").build(), UserJson.class).toUser();
    }

    /** {@code GET /user/workspaces/{workspace}/permission}: the role, and the member's account when the answer has it. */
    public WorkspacePermission workspacePermission(ApiTokenCredential credential, String workspace) throws IOException {
        String slug = BitbucketInputs.workspaceSlug(workspace);
        return calls.get(credential, url("user", "workspaces", slug, "permission").build(), PermissionJson.class).toPermission(slug);
    }

    /** {@code GET /repositories/{workspace}?role=member}, every page: the slugs of the repositories the token's account is a member of. */
    public List<String> listRepositories(ApiTokenCredential credential, String workspace) throws IOException {
        HttpUrl first = url("repositories", BitbucketInputs.workspaceSlug(workspace))
                .addQueryParameter("role", "member")
                .addQueryParameter("pagelen", "100")
                .addQueryParameter("fields", "values.slug,next")
                .build();
        return pages.all(credential, first, RepositoryJson.class, RepositoryJson::slug);
    }

    /**
     * {@code GET /repositories/{workspace}/{repo}}: the repository's slug, or empty when it does not exist or the
     * token's account may not see it (Bitbucket answers both with 404).
     */
    public Optional<String> repositorySlug(ApiTokenCredential credential, RepositoryRef repository) throws IOException {
        HttpUrl url = repositoryUrl(repository).addQueryParameter("fields", "slug").build();
        return calls.getIfPresent(credential, url, answer -> JsonAnswers.read(answer, RepositoryJson.class).slug());
    }

    /** The name of the repository's main branch. */
    public String mainBranch(ApiTokenCredential credential, RepositoryRef repository) throws IOException {
        HttpUrl url = repositoryUrl(repository).addQueryParameter("fields", "mainbranch.name").build();
        String name = calls.get(credential, url, RepositoryJson.class).mainBranchName();
        if (name == null) {
            throw new BitbucketException.NotFound(Messages.BitbucketClient_noMainBranch(repository.fullName()));
        }
        return name;
    }

    /** {@code GET .../refs/branches/{name}}, or empty when there is no such branch. */
    public Optional<Branch> branch(ApiTokenCredential credential, RepositoryRef repository, String name) throws IOException {
        HttpUrl url = repositoryUrl(repository).addPathSegments("refs/branches").addPathSegment(name).build();
        return calls.getIfPresent(credential, url, answer -> JsonAnswers.read(answer, BranchJson.class).toBranch());
    }

    /** {@code POST .../refs/branches} from a full commit SHA. */
    public Branch createBranch(ApiTokenCredential credential, RepositoryRef repository, String name, String hash)
            throws IOException {
        HttpUrl url = repositoryUrl(repository).addPathSegments("refs/branches").build();
        return calls.post(credential, url, new JsonBodies.NewBranch(name, hash), BranchJson.class).toBranch();
    }

    /** {@code GET .../src/{commit}/{path}}: the file's bytes, or empty when it does not exist there. */
    public Optional<byte[]> readFile(ApiTokenCredential credential, RepositoryRef repository, String commit, String path)
            throws IOException {
        HttpUrl url = repositoryUrl(repository).addPathSegment("src").addPathSegment(commit).addPathSegments(path).build();
        return calls.getIfPresent(credential, url, answer -> answer.body().bytes());
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
                path, path.substring(path.lastIndexOf('/') + 1), RequestBody.create(bytes, BYTES)));
        calls.post(credential, repositoryUrl(repository).addPathSegment("src").build(), form.build());
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
        Page<PullRequestJson> page = calls.get(credential, url, JsonAnswers.pageOf(PullRequestJson.class));
        return page.first().map(PullRequestJson::toPullRequest);
    }

    /** {@code POST .../pullrequests}. */
    public PullRequest createPullRequest(ApiTokenCredential credential, RepositoryRef repository, NewPullRequest pr)
            throws IOException {
        HttpUrl url = repositoryUrl(repository).addPathSegment("pullrequests").build();
        return calls.post(credential, url, JsonBodies.NewPullRequestBody.of(pr), PullRequestJson.class).toPullRequest();
    }

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
            HttpUrl first = repositoryUrl(repository).addPathSegment("pullrequests")
                    .addQueryParameter("q", query)
                    .addQueryParameter("pagelen", Integer.toString(PULL_REQUESTS_PER_PAGE))
                    .addQueryParameter("fields", "values.id,values.title,values.state,values.links.html.href,"
                            + "values.updated_on,values.merge_commit.hash,next")
                    .build();
            found.addAll(pages.all(credential, first, PullRequestJson.class, PullRequestJson::toPullRequest));
        }
        return found;
    }

    /** {@code GET .../pullrequests/{id}}. */
    public PullRequest pullRequest(ApiTokenCredential credential, RepositoryRef repository, long id) throws IOException {
        HttpUrl url = repositoryUrl(repository).addPathSegment("pullrequests").addPathSegment(Long.toString(id)).build();
        return calls.get(credential, url, PullRequestJson.class).toPullRequest();
    }

    /** {@code GET .../pullrequests/{id}/tasks}, every page, in creation order: text and state only. */
    public List<PullRequestTask> tasks(ApiTokenCredential credential, RepositoryRef repository, long pullRequestId)
            throws IOException {
        HttpUrl first = tasksUrl(repository, pullRequestId)
                .addQueryParameter("pagelen", Integer.toString(TASKS_PER_PAGE))
                .addQueryParameter("fields", "values.id,values.state,values.content.raw,next")
                .build();
        return pages.all(credential, first, TaskJson.class, TaskJson::toTask);
    }

    /** {@code POST .../pullrequests/{id}/tasks}: a new, unresolved task with this text. */
    public PullRequestTask createTask(ApiTokenCredential credential, RepositoryRef repository, long pullRequestId, String text)
            throws IOException {
        return calls.post(credential, tasksUrl(repository, pullRequestId).build(), new JsonBodies.NewTask(text), TaskJson.class)
                .toTask();
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
        return pages.all(credential, first, DefaultReviewerJson.class, DefaultReviewerJson::toDefaultReviewer);
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

    private HttpUrl.Builder tasksUrl(RepositoryRef repository, long pullRequestId) {
        return repositoryUrl(repository).addPathSegment("pullrequests").addPathSegment(Long.toString(pullRequestId))
                .addPathSegment("tasks");
    }

    public static final class Builder {
        private HttpUrl apiUrl = HttpUrl.get(DEFAULT_API_URL);
        private OkHttpClient httpClient;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(30);
        private Duration callTimeout = Duration.ofSeconds(60);
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private RetryingSender.Sleeper sleeper = RetryingSender.Sleeper.REAL;

        private Builder() {}

        /** Whether {@code url} is an http(s) URL of this machine (a stand-in for Bitbucket Cloud in tests). */
        public static boolean isLoopback(String url) {
            return ApiUrls.isLoopback(url);
        }

        /** Bitbucket Cloud's API root; plain http is accepted for loopback addresses only. */
        public Builder apiUrl(String url) {
            this.apiUrl = ApiUrls.checked(url);
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
                    throw new IllegalArgumentException(Messages.BitbucketClient_timeoutsNotPositive());
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

        Builder sleeper(RetryingSender.Sleeper sleeper) {
            this.sleeper = sleeper;
            return this;
        }

        public BitbucketClient build() {
            return new BitbucketClient(this);
        }
    }
}
