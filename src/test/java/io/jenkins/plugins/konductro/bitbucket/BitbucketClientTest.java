package io.jenkins.plugins.konductro.bitbucket;

import static io.jenkins.plugins.konductro.SecretLeakWatch.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.sandbox.BitbucketSandbox;
import io.jenkins.plugins.konductro.sandbox.Exchange;
import io.jenkins.plugins.konductro.sandbox.Fault;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BitbucketClientTest {
    private static final RepositoryRef WIDGETS = RepositoryRef.of("acme-team", "widgets");

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private final List<Duration> waits = new ArrayList<>();

    private BitbucketClient recordingClient(RetryPolicy policy) {
        return fixture.clientBuilder().retryPolicy(policy).sleeper(waits::add).build();
    }

    private BitbucketSandbox sandbox() {
        return fixture.sandbox();
    }

    @Test
    void currentUserSendsBasicAuthPreemptivelyWithUserAgent() throws Exception {
        BitbucketUser user = fixture.client().currentUser(fixture.alice());
        assertEquals("Alice Doe", user.displayName());
        assertTrue(user.uuid().matches("\\{[0-9a-f-]{36}}"), user.uuid());
        Exchange exchange = fixture.exchanges().get(0);
        assertEquals(1, fixture.exchanges().size(), "no challenge round trip");
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                ("alice@acme.test:" + sandbox().demoToken("alice")).getBytes(StandardCharsets.UTF_8));
        assertEquals(expected, exchange.requestHeader("Authorization"));
        assertTrue(exchange.requestHeader("User-Agent").matches("konductro-jenkins/\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"),
                exchange.requestHeader("User-Agent"));
    }

    @Test
    void workspacePermissionOfAMember() throws Exception {
        WorkspacePermission permission = fixture.client().workspacePermission(fixture.bob(), "acme-team");
        assertEquals("acme-team", permission.workspace());
        assertEquals("member", permission.permission());
        assertEquals(fixture.sandbox().user("bob@acme.test").uuid(), permission.member().uuid(), "the answer names the member");
        assertEquals("Bob Stone", permission.member().displayName());

        fixture.sandbox().leaveAccountOutOfMemberships();
        assertNull(fixture.client().workspacePermission(fixture.bob(), "acme-team").member());
    }

    @Test
    void aNotFoundPageThatIsNotBitbucketsErrorSaysSoInsteadOfMeaningNone() {
        fixture.sandbox().inject("GET", ".*/refs/branches/.*", Fault.htmlStatus(404));
        BitbucketException.UnexpectedStatus e = expect(BitbucketException.UnexpectedStatus.class,
                () -> fixture.client().branch(fixture.bob(), RepositoryRef.of("acme-team", "widgets"), "main"));
        assertTrue(e.getMessage().contains("HTTP 404") && e.getMessage().contains("text/html"), e.getMessage());
        assertTrue(e.getMessage().contains("whether it exists is unknown"), e.getMessage());
    }

    @Test
    void workspacePermissionOfAnOutsiderIsAccessDenied() {
        ApiTokenCredential carol = fixture.user("carol@else.test", "Carol Out", false,
                "read:user:bitbucket", "read:workspace:bitbucket");
        BitbucketException.AccessDenied e = expect(BitbucketException.AccessDenied.class,
                () -> fixture.client().workspacePermission(carol, "acme-team"));
        assertTrue(e.getMessage().contains("does not have access to the workspace"), e.getMessage());
    }

    /** Issue 16, item 12: Bitbucket's own message already ends its sentence; ours does not add a second full stop. */
    @Test
    void aMessageEndsWithOneFullStopWhenBitbucketsAlreadyHasOne() {
        sandbox().addRepository("acme-team", "open-source", "main", false);
        ApiTokenCredential carol = fixture.user("carol@else.test", "Carol Out", false,
                "read:repository:bitbucket", "write:repository:bitbucket");
        BitbucketException.AccessDenied e = expect(BitbucketException.AccessDenied.class, () -> fixture.client()
                .createBranch(carol, RepositoryRef.of("acme-team", "open-source"), "feature/x", "0".repeat(40)));
        assertTrue(e.getMessage().endsWith("You do not have write access to acme-team/open-source."), e.getMessage());
        assertEquals("Refused.", Sentence.end("Refused"));
        assertEquals("Refused.", Sentence.end("Refused."));
        assertEquals("Why?", Sentence.end("Why?"));
    }

    @Test
    void listRepositoriesFollowsNextWithPartialFields() throws Exception {
        for (int i = 0; i < 230; i++) {
            sandbox().addRepository("acme-team", String.format("repo-%03d", i), "main", true);
        }
        List<String> repositories = fixture.client().listRepositories(fixture.alice(), "acme-team");
        assertEquals(231, repositories.size());
        assertEquals(3, fixture.exchanges().size());
        Exchange first = fixture.exchanges().get(0);
        assertEquals("100", first.queryParameter("pagelen"));
        assertEquals("member", first.queryParameter("role"));
        assertEquals("values.slug,next", first.queryParameter("fields"));
        assertTrue(repositories.contains("widgets"), repositories.toString());
    }

    /** An open pull request from a new branch with one commit on it. */
    private long openPullRequest(BitbucketClient client) throws Exception {
        String head = client.branch(fixture.alice(), WIDGETS, client.mainBranch(fixture.alice(), WIDGETS)).orElseThrow().hash();
        client.createBranch(fixture.alice(), WIDGETS, "feature/KON-5", head);
        client.commitFiles(fixture.alice(), WIDGETS, new FileCommit("feature/KON-5", head, "m", "Alice Doe <alice@acme.test>",
                Map.of(".tickets/KON-5.md", new byte[] {'#'})));
        return client.createPullRequest(fixture.alice(), WIDGETS,
                new NewPullRequest("KON-5", null, "feature/KON-5", null, List.of(), false)).id();
    }

    @Test
    void tasksArePagedAt100AndCreatedWithTheirText() throws Exception {
        BitbucketClient client = fixture.client();
        long id = openPullRequest(client);
        PullRequestTask created = client.createTask(fixture.alice(), WIDGETS, id, "Header row");
        assertEquals("Header row", created.text());
        assertFalse(created.resolved());
        for (int i = 0; i < 149; i++) {
            sandbox().addTask("acme-team", "widgets", id, "bob@acme.test", "Task " + i);
        }
        sandbox().setTaskState("acme-team", "widgets", id, "Header row", true);
        int[] pages = {0};
        List<PullRequestTask> tasks = new java.util.ArrayList<>();
        pages[0] = fixture.requestsDuring(() -> tasks.addAll(client.tasks(fixture.alice(), WIDGETS, id)));
        assertEquals(2, pages[0]);
        assertEquals(150, tasks.size());
        assertTrue(tasks.get(0).resolved());
        assertEquals("Task 148", tasks.get(149).text());
        Exchange first = fixture.exchanges().get(0);
        assertEquals("100", first.queryParameter("pagelen"));
        assertEquals("values.id,values.state,values.content.raw,next", first.queryParameter("fields"));
    }

    @Test
    void taskErrorsAreBitbucketsAnswers() throws Exception {
        BitbucketClient client = fixture.client();
        long id = openPullRequest(client);
        BitbucketException.BadRequest blank = expect(BitbucketException.BadRequest.class,
                () -> client.createTask(fixture.alice(), WIDGETS, id, "  "));
        assertTrue(blank.getMessage().contains("cannot be blank"), blank.getMessage());
        expect(BitbucketException.NotFound.class, () -> client.tasks(fixture.alice(), WIDGETS, id + 100));
        ApiTokenCredential noPullRequests = fixture.user("erin@acme.test", "Erin Vale", true,
                BitbucketSandbox.SCOPE_READ_REPOSITORY, BitbucketSandbox.SCOPE_READ_WORKSPACE);
        BitbucketException.MissingScope scope = expect(BitbucketException.MissingScope.class,
                () -> client.tasks(noPullRequests, WIDGETS, id));
        assertTrue(scope.getMessage().contains("read:pullrequest:bitbucket"), scope.getMessage());
        expect(BitbucketException.MissingScope.class, () -> client.effectiveDefaultReviewers(noPullRequests, WIDGETS));
    }

    @Test
    void effectiveDefaultReviewersArePagedWithTheirLevel() throws Exception {
        for (int i = 0; i < 120; i++) {
            sandbox().addUser("reviewer" + i + "@acme.test", "Reviewer " + i);
            sandbox().addDefaultReviewer("acme-team", "widgets", "reviewer" + i + "@acme.test", i % 2 == 0 ? "repository" : "project");
        }
        List<DefaultReviewer> reviewers = new java.util.ArrayList<>();
        assertEquals(2, fixture.requestsDuring(() -> reviewers.addAll(fixture.client().effectiveDefaultReviewers(fixture.alice(), WIDGETS))));
        assertEquals(120, reviewers.size());
        assertEquals(new DefaultReviewer(sandbox().user("reviewer1@acme.test").uuid(), "Reviewer 1", "project"), reviewers.get(1));
        assertEquals("values.reviewer_type,values.user.uuid,values.user.display_name,next",
                fixture.exchanges().get(0).queryParameter("fields"));
    }

    @Test
    void branchesWithSlashesArePercentEncoded() throws Exception {
        BitbucketClient client = fixture.client();
        String main = client.mainBranch(fixture.alice(), WIDGETS);
        assertEquals("main", main);
        Branch head = client.branch(fixture.alice(), WIDGETS, main).orElseThrow();
        Branch created = client.createBranch(fixture.alice(), WIDGETS, "feature/KON-1", head.hash());
        assertEquals(new Branch("feature/KON-1", head.hash()), created);
        sandbox().clearExchanges();
        assertEquals(Optional.of(created), client.branch(fixture.alice(), WIDGETS, "feature/KON-1"));
        assertTrue(fixture.exchanges().get(0).rawTarget().endsWith("/refs/branches/feature%2FKON-1"),
                fixture.exchanges().get(0).rawTarget());
        assertEquals(Optional.empty(), client.branch(fixture.alice(), WIDGETS, "feature/none"));
    }

    @Test
    void commitFilesSendsMultipartWithParentsAndReadFileReadsItBack() throws Exception {
        BitbucketClient client = fixture.client();
        String head = sandbox().branchHead("acme-team", "widgets", "main");
        byte[] spec = "# KON-7\n".getBytes(StandardCharsets.UTF_8);
        client.commitFiles(fixture.alice(), WIDGETS,
                new FileCommit("main", head, "KON-7: add spec", "Alice Doe <alice@acme.test>", Map.of(".tickets/KON-7.md", spec)));
        Exchange post = fixture.exchanges().get(0);
        assertTrue(post.requestHeader("Content-Type").startsWith("multipart/form-data"), post.requestHeader("Content-Type"));
        assertTrue(post.requestText().contains("name=\"parents\""));
        assertTrue(post.requestText().contains("name=\".tickets/KON-7.md\"; filename=\"KON-7.md\""));
        String newHead = sandbox().branchHead("acme-team", "widgets", "main");
        assertFalse(newHead.equals(head));
        assertEquals("Alice Doe <alice@acme.test>", sandbox().commitAuthor("acme-team", "widgets", newHead));
        assertTrue(java.util.Arrays.equals(spec, client.readFile(fixture.alice(), WIDGETS, newHead, ".tickets/KON-7.md").orElseThrow()));
        assertEquals(Optional.empty(), client.readFile(fixture.alice(), WIDGETS, head, ".tickets/KON-7.md"));
    }

    @Test
    void staleParentIsAConflictAndWritesNothing() throws Exception {
        String stale = sandbox().branchHead("acme-team", "widgets", "main");
        String moved = sandbox().commitDirectly("acme-team", "widgets", "main", "other.txt", "someone else");
        BitbucketException.Conflict e = expect(BitbucketException.Conflict.class, () -> fixture.client().commitFiles(fixture.alice(),
                WIDGETS, new FileCommit("main", stale, "m", "Alice Doe <alice@acme.test>", Map.of("a.md", new byte[] {1}))));
        assertTrue(e.getMessage().contains("branch moved"), e.getMessage());
        assertEquals(moved, sandbox().branchHead("acme-team", "widgets", "main"));
    }

    @Test
    void findPullRequestPutsTheStateIntoTheQuery() throws Exception {
        assertEquals(Optional.empty(), fixture.client().findPullRequest(fixture.alice(), WIDGETS, "feature/\"odd\"", true));
        Exchange find = fixture.exchanges().get(0);
        assertEquals("source.branch.name=\"feature/\\\"odd\\\"\" AND state=\"OPEN\"", find.queryParameter("q"));
        assertNull(find.queryParameter("state"));
    }

    @Test
    void wrongTokenIs401WithWhatToCheck() {
        ApiTokenCredential wrong = ApiTokenCredential.of("acme-team", "alice@acme.test",
                io.jenkins.plugins.konductro.SecretLeakWatch.secret("ATATT3" + "w".repeat(186)));
        BitbucketException.AuthenticationFailed e = expect(BitbucketException.AuthenticationFailed.class,
                () -> fixture.client().currentUser(wrong));
        assertTrue(e.getMessage().contains("did not accept the API token for alice@acme.test"), e.getMessage());
        assertTrue(e.getMessage().contains("with scopes"), e.getMessage());
        assertTrue(e.getMessage().contains("App passwords"), e.getMessage());
    }

    @Test
    void rightTokenWithWrongEmailIs401() {
        ApiTokenCredential swapped = ApiTokenCredential.of("acme-team", "bob@acme.test", sandbox().demoToken("alice"));
        expect(BitbucketException.AuthenticationFailed.class, () -> fixture.client().currentUser(swapped));
    }

    @Test
    void revokedTokenIs401() {
        sandbox().revoke(sandbox().demoToken("bob"));
        expect(BitbucketException.AuthenticationFailed.class, () -> fixture.client().currentUser(fixture.bob()));
    }

    @Test
    void missingScopeNamesTheRequiredScope() {
        ApiTokenCredential readOnly = fixture.user("dana@acme.test", "Dana Reads", true, "read:user:bitbucket");
        BitbucketException.MissingScope e = expect(BitbucketException.MissingScope.class,
                () -> fixture.client().workspacePermission(readOnly, "acme-team"));
        assertEquals(List.of("read:workspace:bitbucket"), e.requiredScopes());
        assertTrue(e.getMessage().contains("lacks the scope read:workspace:bitbucket"), e.getMessage());
    }

    @Test
    void privateRepositoryOfAnotherWorkspaceIs404() {
        ApiTokenCredential carol = fixture.user("carol@else.test", "Carol Out", false,
                "read:user:bitbucket", "read:workspace:bitbucket", "read:repository:bitbucket");
        BitbucketException.NotFound e = expect(BitbucketException.NotFound.class,
                () -> fixture.client().mainBranch(carol, WIDGETS));
        assertTrue(e.getMessage().contains("does not exist or is not visible to carol@else.test"), e.getMessage());
    }

    @Test
    void badRequestCarriesBitbucketsFields() {
        BitbucketException.BadRequest e = expect(BitbucketException.BadRequest.class, () -> fixture.client().createPullRequest(
                fixture.alice(), WIDGETS, new NewPullRequest("t", null, "feature/missing", null, List.of(), false)));
        assertTrue(e.getMessage().contains("branch not found"), e.getMessage());
    }

    @Test
    void goneIs410() {
        sandbox().inject("GET", "/user", Fault.status(410));
        BitbucketException.Gone e = expect(BitbucketException.Gone.class, () -> fixture.client().currentUser(fixture.alice()));
        assertTrue(e.getMessage().contains("410"), e.getMessage());
    }

    /** Issue 16, item 12: an HTML 404 says the same thing, the same way, whatever was read. */
    @Test
    void htmlAndEmptyErrorBodiesAreHandled() throws Exception {
        sandbox().inject("GET", "/repositories/.*", Fault.htmlStatus(404));
        BitbucketException.UnexpectedStatus mainBranch = expect(BitbucketException.UnexpectedStatus.class,
                () -> fixture.client().mainBranch(fixture.alice(), WIDGETS));
        assertFalse(mainBranch.getMessage().contains("<"), mainBranch.getMessage());
        assertTrue(mainBranch.getMessage().contains("whether it exists is unknown"), mainBranch.getMessage());
        sandbox().inject("GET", "/repositories/.*", Fault.htmlStatus(404));
        BitbucketException.UnexpectedStatus pullRequest = expect(BitbucketException.UnexpectedStatus.class,
                () -> fixture.client().pullRequest(fixture.alice(), WIDGETS, 1));
        assertEquals(mainBranch.getMessage().replaceAll("GET \\S+", "GET …"), pullRequest.getMessage().replaceAll("GET \\S+", "GET …"));
        assertEquals(404, pullRequest.status());
        sandbox().inject("GET", "/user", Fault.emptyStatus(500));
        BitbucketException.ServerError server = expect(BitbucketException.ServerError.class,
                () -> fixture.client().currentUser(fixture.alice()));
        assertEquals(500, server.status());
    }

    @Test
    void retryAfterInSecondsIsHonoured() throws Exception {
        sandbox().inject("GET", "/user", Fault.rateLimited("3"));
        BitbucketClient client = recordingClient(new RetryPolicy(4, Duration.ofSeconds(10), Duration.ofMillis(1), Duration.ofMillis(2)));
        assertEquals("Alice Doe", client.currentUser(fixture.alice()).displayName());
        assertEquals(List.of(Duration.ofSeconds(3)), waits);
        assertEquals(2, fixture.exchanges().size());
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() throws Exception {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(5));
        sandbox().inject("GET", "/user", Fault.rateLimited(inFiveSeconds));
        BitbucketClient client = recordingClient(new RetryPolicy(4, Duration.ofSeconds(10), Duration.ofMillis(1), Duration.ofMillis(2)));
        client.currentUser(fixture.alice());
        assertEquals(1, waits.size());
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(3)) > 0 && waits.get(0).compareTo(Duration.ofSeconds(6)) <= 0, waits.toString());
    }

    @Test
    void withoutRetryAfterBackoffGrowsWithJitterUpToTheCap() throws Exception {
        sandbox().inject("GET", "/user", Fault.rateLimited(null).times(4));
        BitbucketClient client = recordingClient(new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofMillis(300)));
        client.currentUser(fixture.alice());
        assertEquals(4, waits.size());
        long[] upper = {100, 200, 300, 300};
        for (int i = 0; i < 4; i++) {
            long ms = waits.get(i).toMillis();
            assertTrue(ms >= upper[i] / 2 && ms <= upper[i], "wait " + i + " was " + ms + " ms");
        }
    }

    @Test
    void rateLimitBeyondTheBudgetFailsWithoutWaiting() {
        sandbox().inject("GET", "/user", Fault.rateLimited("120"));
        BitbucketClient client = recordingClient(RetryPolicy.DEFAULT);
        BitbucketException.RateLimited e = expect(BitbucketException.RateLimited.class, () -> client.currentUser(fixture.alice()));
        assertEquals(List.of(), waits);
        assertTrue(e.getMessage().contains("rate limit"), e.getMessage());
    }

    @Test
    void anAbsurdRetryAfterFailsCleanly() {
        sandbox().inject("GET", "/user", Fault.rateLimited("99999999999"));
        BitbucketClient client = recordingClient(RetryPolicy.DEFAULT);
        BitbucketException.RateLimited e = expect(BitbucketException.RateLimited.class, () -> client.currentUser(fixture.alice()));
        assertTrue(e.getMessage().contains("would exceed the retry budget of 60 s"), e.getMessage());
        assertEquals(List.of(), waits);
    }

    @Test
    void largeBackoffStepsDoNotOverflow() throws Exception {
        sandbox().inject("GET", "/user", Fault.status(503).times(3));
        BitbucketClient client = recordingClient(new RetryPolicy(4, Duration.ofMinutes(10), Duration.ofSeconds(9), Duration.ofSeconds(20)));
        client.currentUser(fixture.alice());
        assertEquals(3, waits.size());
        assertTrue(waits.get(2).compareTo(Duration.ofSeconds(10)) >= 0 && waits.get(2).compareTo(Duration.ofSeconds(20)) <= 0,
                waits.toString());
    }

    @Test
    void theBudgetCountsEveryWaitOfACall() {
        sandbox().inject("GET", "/user", Fault.rateLimited("4").times(5));
        BitbucketClient client = recordingClient(new RetryPolicy(10, Duration.ofSeconds(10), Duration.ofMillis(1), Duration.ofMillis(2)));
        expect(BitbucketException.RateLimited.class, () -> client.currentUser(fixture.alice()));
        assertEquals(List.of(Duration.ofSeconds(4), Duration.ofSeconds(4)), waits, "a third 4 s wait would pass 10 s");
    }

    @Test
    void serverErrorsOnReadsAreRetriedUpToMaxAttempts() {
        sandbox().inject("GET", "/user", Fault.status(503).times(10));
        BitbucketClient client = recordingClient(new RetryPolicy(3, Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofMillis(4)));
        BitbucketException.ServerError e = expect(BitbucketException.ServerError.class, () -> client.currentUser(fixture.alice()));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
        assertEquals(3, fixture.exchanges().size());
        assertEquals(2, waits.size());
    }

    @Test
    void gatewayErrorsAndBitbucketTimeoutsOnReadsAreRetried() throws Exception {
        sandbox().inject("GET", "/user", Fault.status(502));
        sandbox().inject("GET", "/user", Fault.status(504));
        sandbox().inject("GET", "/user", Fault.status(555));
        assertEquals("Alice Doe", recordingClient(SandboxFixture.FAST_RETRIES).currentUser(fixture.alice()).displayName());
        assertEquals(4, fixture.exchanges().size());
    }

    @Test
    void aPostIsRetriedOnlyWhenTheAnswerProvesItWasNotProcessed() throws Exception {
        String head = sandbox().branchHead("acme-team", "widgets", "main");
        sandbox().inject("POST", ".*/refs/branches", Fault.rateLimited(null));
        sandbox().inject("POST", ".*/refs/branches", Fault.status(503));
        BitbucketClient client = recordingClient(SandboxFixture.FAST_RETRIES);
        client.createBranch(fixture.alice(), WIDGETS, "feature/KON-2", head);
        assertEquals(3, fixture.exchanges().size());

        for (int gateway : new int[] {502, 504, 555}) {
            sandbox().clearExchanges();
            sandbox().inject("POST", ".*/refs/branches", Fault.status(gateway));
            BitbucketException.NoAnswer e = expect(BitbucketException.NoAnswer.class,
                    () -> client.createBranch(fixture.alice(), WIDGETS, "feature/KON-3", head));
            assertTrue(e.getMessage().contains("may or may not have been processed"), e.getMessage());
            assertEquals(1, fixture.exchanges().size(), "a gateway failure on a POST is not repeated blindly");
        }
    }

    @Test
    void aLostConnectionIsRetriedForReadsOnly() throws Exception {
        String head = sandbox().branchHead("acme-team", "widgets", "main");
        sandbox().inject("GET", "/user", Fault.dropBeforeProcessing());
        BitbucketClient client = recordingClient(SandboxFixture.FAST_RETRIES);
        assertEquals("Alice Doe", client.currentUser(fixture.alice()).displayName());

        sandbox().inject("POST", ".*/refs/branches", Fault.dropAfterProcessing());
        BitbucketException.NoAnswer e = expect(BitbucketException.NoAnswer.class,
                () -> client.createBranch(fixture.alice(), WIDGETS, "feature/KON-4", head));
        assertTrue(e.getMessage().contains("may or may not have been processed"), e.getMessage());
        assertEquals(head, sandbox().branchHead("acme-team", "widgets", "feature/KON-4"), "processed, though unanswered");
        long posts = fixture.exchanges().stream().filter(x -> x.method().equals("POST")).count();
        assertEquals(1, posts);
    }

    @Test
    void readTimeoutOnAReadIsRetriedAndOnAWriteIsReported() throws Exception {
        sandbox().inject("GET", "/user", Fault.slow(Duration.ofMillis(1500)));
        BitbucketClient client = fixture.clientBuilder()
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(5)).build();
        assertEquals("Alice Doe", client.currentUser(fixture.alice()).displayName());

        sandbox().inject("POST", ".*/pullrequests", Fault.slow(Duration.ofMillis(1500)));
        expect(BitbucketException.NoAnswer.class, () -> client.createPullRequest(fixture.alice(), WIDGETS,
                new NewPullRequest("t", null, "main", "main", List.of(), false)));
    }

    @Test
    void callTimeoutBoundsTheWholeCall() {
        sandbox().inject("GET", "/user", Fault.slow(Duration.ofMillis(1500)).times(5));
        BitbucketClient client = fixture.clientBuilder()
                .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMillis(300)).build();
        long start = System.nanoTime();
        expect(BitbucketException.NoAnswer.class, () -> client.currentUser(fixture.alice()));
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(1200));
    }

    @Test
    void interruptingTheThreadEndsARetryWaitAtOnce() throws Exception {
        sandbox().inject("GET", "/user", Fault.rateLimited("30"));
        // Real sleeping, with a budget long enough to accept the 30 s wait.
        BitbucketClient patient = fixture.clientBuilder()
                .retryPolicy(new RetryPolicy(3, Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofMillis(2))).build();
        assertInterruptedQuickly(() -> patient.currentUser(fixture.alice()));
    }

    @Test
    void interruptingTheThreadCancelsASlowCallAtOnce() throws Exception {
        sandbox().inject("GET", "/user", Fault.slow(Duration.ofSeconds(20)));
        assertInterruptedQuickly(() -> fixture.client().currentUser(fixture.alice()));
    }

    private static void assertInterruptedQuickly(org.junit.jupiter.api.function.Executable call) throws Exception {
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt();
        });
        long start = System.nanoTime();
        interrupter.start();
        try {
            expect(InterruptedIOException.class, call);
        } finally {
            Thread.interrupted();
            interrupter.join();
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(ms < 2000, "took " + ms + " ms");
    }

    @Test
    void everyCallSharesOneConnection() throws Exception {
        BitbucketClient client = fixture.client();
        for (int i = 0; i < 50; i++) {
            client.currentUser(i % 2 == 0 ? fixture.alice() : fixture.bob());
        }
        assertEquals(1, sandbox().connectionCount());
    }

    @Test
    void aCallersClientLendsItsConnectionPool() throws Exception {
        ConnectionPool pool = new ConnectionPool();
        BitbucketClient client = fixture.clientBuilder().httpClient(new OkHttpClient.Builder().connectionPool(pool).build()).build();
        client.currentUser(fixture.alice());
        assertEquals(1, pool.connectionCount());
    }

    @Test
    void otherStatusesAreUnexpectedAndNotRetried() {
        sandbox().inject("GET", "/user", Fault.status(418));
        BitbucketException.UnexpectedStatus teapot = expect(BitbucketException.UnexpectedStatus.class,
                () -> fixture.client().currentUser(fixture.alice()));
        assertEquals(418, teapot.status());
        sandbox().inject("GET", "/user", Fault.status(500));
        BitbucketException.ServerError error = expect(BitbucketException.ServerError.class,
                () -> fixture.client().currentUser(fixture.alice()));
        assertEquals(500, error.status());
        assertEquals(2, fixture.exchanges().size());
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowed() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                    .body("{\"values\": [], \"next\": \"http://localhost:" + server.getPort() + "/2.0/repositories/acme-team?page=2\"}")
                    .build());
            BitbucketClient client = BitbucketClient.builder().apiUrl("http://127.0.0.1:" + server.getPort() + "/2.0").build();
            BitbucketException e = expect(BitbucketException.class, () -> client.listRepositories(fixture.alice(), "acme-team"));
            assertTrue(e.getMessage().contains("not followed"), e.getMessage());
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void anAnswerNotShapedAsTheApiDescribesIsRefusedNamingTheCall() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                    .body("{\"id\": 7, \"title\": {\"raw\": \"an object where text belongs\"}}").build());
            BitbucketClient client = BitbucketClient.builder().apiUrl("http://127.0.0.1:" + server.getPort() + "/2.0").build();
            BitbucketException.UnexpectedStatus e = expect(BitbucketException.UnexpectedStatus.class,
                    () -> client.pullRequest(fixture.alice(), RepositoryRef.of("acme-team", "widgets"), 7));
            assertEquals("Bitbucket Cloud's answer to GET /repositories/acme-team/widgets/pullrequests/7 is not the JSON its "
                    + "API describes, so it was not used. Try again; if it goes on, check Jenkins' proxy settings.", e.getMessage());
            assertEquals(1, server.getRequestCount());
        }
    }

    @Test
    void zeroTimeoutsAreRefused() {
        expect(IllegalArgumentException.class,
                () -> BitbucketClient.builder().timeouts(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
