package io.jenkins.plugins.konductro.usecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jenkins.plugins.konductro.SandboxFixture;
import io.jenkins.plugins.konductro.bitbucket.ApiTokenCredential;
import io.jenkins.plugins.konductro.bitbucket.RepositoryRef;
import io.jenkins.plugins.konductro.operations.Developer;
import io.jenkins.plugins.konductro.operations.KonductroOperations;
import io.jenkins.plugins.konductro.operations.NewBranch;
import io.jenkins.plugins.konductro.operations.PullRequestDraft;
import io.jenkins.plugins.konductro.operations.SpecUpdate;
import io.jenkins.plugins.konductro.sandbox.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Live pull request states for people looking at builds, against the sandbox, with a clock the test moves. */
class PullRequestStatesTest {
    private static final RepositoryRef WIDGETS = RepositoryRef.of("acme-team", "widgets");

    @RegisterExtension
    final SandboxFixture fixture = new SandboxFixture();

    private final AtomicLong now = new AtomicLong(1_000_000);
    private KonductroOperations operations;
    private PullRequestStates states;

    @BeforeEach
    void oneMinuteLifetime() {
        operations = new KonductroOperations(fixture.client());
        states = new PullRequestStates(operations, () -> Duration.ofSeconds(60), now::get);
    }

    private OwnCredentials viewer(ApiTokenCredential credential) {
        return new OwnCredentials() {
            @Override
            public Optional<ApiTokenCredential> ownCredential(String workspace) {
                return Optional.ofNullable(credential);
            }

            @Override
            public String whyNot(String workspace) {
                return UseCaseTexts.noCredential(workspace);
            }
        };
    }

    /** Opens {@code count} pull requests and returns them as a build recorded them a lifetime ago. */
    private List<RecordedPullRequest> opened(int count) throws Exception {
        Developer alice = new Developer(fixture.alice(), "Alice Doe", fixture.sandbox().user("alice@acme.test").uuid());
        List<RecordedPullRequest> recorded = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String ticket = "KON-" + i;
            String branch = operations.startBranch(alice, NewBranch.of(WIDGETS, ticket)).branch();
            operations.pushSpec(alice, SpecUpdate.of(WIDGETS, ticket, branch, "# " + ticket + "\n"));
            var pr = operations.openPullRequest(alice, PullRequestDraft.of(WIDGETS, ticket, branch));
            recorded.add(new RecordedPullRequest("acme-team/widgets", pr.id(), ticket, branch, pr.title(), pr.state(),
                    pr.url(), now.get() - Duration.ofMinutes(5).toMillis()));
        }
        return recorded;
    }

    @Test
    void aThousandViewsWithinTheLifetimeAskBitbucketOnce() throws Exception {
        List<RecordedPullRequest> build = opened(1);
        int requests = fixture.requestsDuring(() -> {
            for (int view = 0; view < 1000; view++) {
                assertTrue(states.look(viewer(fixture.bob()), build).get(0).live());
            }
        });
        assertEquals(1, requests);
        now.addAndGet(Duration.ofSeconds(61).toMillis());
        assertEquals(1, fixture.requestsDuring(() -> states.look(viewer(fixture.bob()), build)), "asked again a lifetime later");
    }

    @Test
    void aHundredConcurrentViewersWaitForOneRequest() throws Exception {
        List<RecordedPullRequest> build = opened(1);
        fixture.sandbox().inject("GET", ".*/pullrequests", Fault.slow(Duration.ofMillis(300)));
        ExecutorService viewers = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch start = new CountDownLatch(1);
            int requests = fixture.requestsDuring(() -> {
                List<Future<String>> looks = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    looks.add(viewers.submit(() -> {
                        start.await();
                        return states.look(viewer(fixture.bob()), build).get(0).pullRequest().state();
                    }));
                }
                start.countDown();
                for (Future<String> look : looks) {
                    assertEquals("OPEN", look.get(30, TimeUnit.SECONDS));
                }
            });
            assertEquals(1, requests);
        } finally {
            viewers.shutdownNow();
        }
    }

    /**
     * Issue 16, item 4: a viewer never joins an answer under way that another person's token makes, and so never sees
     * that person's error (which names their e-mail).
     */
    @Test
    void aViewerDoesNotJoinAnotherPersonsRequestNorSeeTheirError() throws Exception {
        List<RecordedPullRequest> build = opened(1);
        ApiTokenCredential carol = fixture.user("carol@acme.test", "Carol Reed", true, "read:workspace:bitbucket");
        fixture.sandbox().inject("GET", ".*/pullrequests", Fault.slow(Duration.ofMillis(500)));
        ExecutorService viewers = Executors.newFixedThreadPool(2);
        try {
            Future<PullRequestStates.Look> carols = viewers.submit(() -> states.look(viewer(carol), build).get(0));
            Thread.sleep(150); // carol's request is under way, slowed down
            Future<PullRequestStates.Look> bobs = viewers.submit(() -> states.look(viewer(fixture.bob()), build).get(0));
            PullRequestStates.Look bob = bobs.get(30, TimeUnit.SECONDS);
            assertTrue(bob.live(), "bob's own request answered him: " + bob.note());
            assertTrue(bob.note() == null || !bob.note().contains("carol"), bob.note());
            PullRequestStates.Look carolsLook = carols.get(30, TimeUnit.SECONDS);
            assertTrue(!carolsLook.live() && carolsLook.note().contains("carol@acme.test"), "her own error: " + carolsLook.note());
        } finally {
            viewers.shutdownNow();
        }
    }

    /**
     * Issue 16, item 8: viewers released together on a cold page of 50 pull requests never split its list request,
     * however their threads interleave (repeated to catch it).
     */
    @Test
    void viewersArrivingTogetherOnAColdPageMakeOneListRequest() throws Exception {
        List<RecordedPullRequest> page = opened(50);
        ExecutorService viewers = Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 300; round++) {
                PullRequestStates cold = new PullRequestStates(operations, () -> Duration.ofSeconds(60), now::get);
                CountDownLatch start = new CountDownLatch(1);
                int requests = fixture.requestsDuring(() -> {
                    List<Future<List<PullRequestStates.Look>>> looks = new ArrayList<>();
                    for (int i = 0; i < 16; i++) {
                        looks.add(viewers.submit(() -> {
                            start.await();
                            return cold.look(viewer(fixture.bob()), page);
                        }));
                    }
                    start.countDown();
                    for (Future<List<PullRequestStates.Look>> look : looks) {
                        assertTrue(look.get(30, TimeUnit.SECONDS).stream().allMatch(PullRequestStates.Look::live));
                    }
                });
                assertEquals(1, requests, "round " + round);
            }
        } finally {
            viewers.shutdownNow();
        }
    }

    /** Issue 16, item 3: a viewer waits a bounded time for a request under way, then sees the state last known. */
    @Test
    void aStalledRequestIsWaitedForABoundedTimeThenTheLastKnownStateIsShown() throws Exception {
        List<RecordedPullRequest> page = opened(1);
        PullRequestStates impatient = new PullRequestStates(operations, () -> Duration.ofSeconds(60), now::get, Duration.ofMillis(300));
        fixture.sandbox().inject("GET", ".*/pullrequests", Fault.slow(Duration.ofSeconds(3)));
        ExecutorService viewers = Executors.newFixedThreadPool(2);
        try {
            Future<List<PullRequestStates.Look>> first = viewers.submit(() -> impatient.look(viewer(fixture.bob()), page));
            Thread.sleep(100);
            long started = System.nanoTime();
            PullRequestStates.Look second = impatient.look(viewer(fixture.bob()), page).get(0);
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(2)) < 0, "did not wait for the stall");
            assertFalse(second.live());
            assertEquals("OPEN", second.pullRequest().state(), "the state last known");
            first.get(30, TimeUnit.SECONDS);
        } finally {
            viewers.shutdownNow();
        }
    }

    /** A request that fails in an unexpected way still ends: the next viewer is not left waiting for it. */
    @Test
    void aRequestThatFailsUnexpectedlyLeavesNobodyWaiting() throws Exception {
        List<RecordedPullRequest> page = opened(1);
        java.util.concurrent.atomic.AtomicInteger lifetimeReads = new java.util.concurrent.atomic.AtomicInteger();
        PullRequestStates failing = new PullRequestStates(operations, () -> {
            if (lifetimeReads.incrementAndGet() == 2) { // the read inside the request
                throw new IllegalStateException("unexpected");
            }
            return Duration.ofSeconds(60);
        }, now::get, Duration.ofSeconds(5));
        assertFalse(failing.look(viewer(fixture.bob()), page).get(0).live());
        long started = System.nanoTime();
        PullRequestStates.Look next = failing.look(viewer(fixture.bob()), page).get(0);
        assertTrue(next.live(), next.note());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(4)) < 0, "not left waiting");
    }

    /** Issue 16, item 3: one answer refreshes at most 50 pull requests, so one GET costs at most one list request. */
    @Test
    void onePageAnswerCostsAtMostOneListRequestHoweverManyPullRequestsTheBuildRecorded() throws Exception {
        List<RecordedPullRequest> page = opened(60);
        java.util.concurrent.atomic.AtomicReference<List<PullRequestStates.Look>> looks = new java.util.concurrent.atomic.AtomicReference<>();
        assertEquals(1, fixture.requestsDuring(() -> looks.set(states.look(viewer(fixture.bob()), page))));
        assertEquals(PullRequestStates.MAX_PER_LOOK, looks.get().size());
        assertEquals(0, fixture.requestsDuring(() -> {
            for (int get = 0; get < 100; get++) {
                states.look(viewer(fixture.bob()), page);
            }
        }), "a hundred more GETs within the lifetime cost nothing");
    }

    @Test
    void fiftyPullRequestsOfOneRepositoryCostOneListRequest() throws Exception {
        List<RecordedPullRequest> jobPage = opened(50);
        fixture.sandbox().setPullRequestState("acme-team", "widgets", jobPage.get(7).id(), "MERGED");
        java.util.concurrent.atomic.AtomicReference<List<PullRequestStates.Look>> looks = new java.util.concurrent.atomic.AtomicReference<>();
        assertEquals(1, fixture.requestsDuring(() -> looks.set(states.look(viewer(fixture.bob()), jobPage))));
        assertEquals(50, looks.get().size());
        assertEquals("MERGED", looks.get().get(7).pullRequest().state());
        assertTrue(looks.get().stream().allMatch(PullRequestStates.Look::live));
        String query = fixture.exchanges().get(0).rawTarget();
        assertTrue(query.contains("fields="), query);
    }

    @Test
    void aFinalStateIsNeverAskedAgain() throws Exception {
        List<RecordedPullRequest> build = opened(1);
        fixture.sandbox().setPullRequestState("acme-team", "widgets", build.get(0).id(), "DECLINED");
        states.look(viewer(fixture.bob()), build);
        now.addAndGet(Duration.ofHours(5).toMillis());
        assertEquals(0, fixture.requestsDuring(() -> assertEquals("DECLINED",
                states.look(viewer(fixture.bob()), build).get(0).pullRequest().state())));
    }

    @Test
    void aViewerWithoutACredentialSeesTheLastKnownStateAndHowToGetLiveOnes() throws Exception {
        List<RecordedPullRequest> build = opened(1);
        int requests = fixture.requestsDuring(() -> {
            PullRequestStates.Look look = states.look(viewer(null), build).get(0);
            assertFalse(look.live());
            assertEquals("OPEN", look.pullRequest().state());
            assertTrue(look.note().contains("Save your own Bitbucket Cloud API token (Konductro) for 'acme-team'"), look.note());
        });
        assertEquals(0, requests);
    }

    @Test
    void aRateLimitKeepsTheLastKnownStateAndBacksOff() throws Exception {
        List<RecordedPullRequest> build = opened(1);
        fixture.sandbox().inject("GET", ".*/pullrequests", Fault.rateLimited("0").times(20));
        PullRequestStates.Look look = states.look(viewer(fixture.bob()), build).get(0);
        assertFalse(look.live());
        assertEquals("OPEN", look.pullRequest().state());
        assertTrue(look.note().contains("not answering"), look.note());
        fixture.sandbox().clearFaults();
        assertEquals(0, fixture.requestsDuring(() -> states.look(viewer(fixture.bob()), build)), "backing off");
        now.addAndGet(Duration.ofSeconds(61).toMillis());
        assertEquals(1, fixture.requestsDuring(() -> assertTrue(states.look(viewer(fixture.bob()), build).get(0).live())));
    }

    @Test
    void aChangedStateIsWrittenBackAndOnlyThenIsTheBuildToBeSaved() throws Exception {
        List<RecordedPullRequest> recorded = opened(1);
        BuildRecord record = new BuildRecord();
        record.recordPullRequest(recorded.get(0));
        PullRequestStates.Look unchanged = states.look(viewer(fixture.bob()), record.pullRequests()).get(0);
        assertFalse(record.refreshed(unchanged.pullRequest()), "checked again, nothing new: no save");
        fixture.sandbox().setPullRequestState("acme-team", "widgets", recorded.get(0).id(), "MERGED");
        now.addAndGet(Duration.ofSeconds(61).toMillis());
        PullRequestStates.Look merged = states.look(viewer(fixture.bob()), record.pullRequests()).get(0);
        assertTrue(record.refreshed(merged.pullRequest()), "a new state: save the build");
        assertEquals("MERGED", record.pullRequests().get(0).state());
        assertEquals("KON-1", record.pullRequests().get(0).ticket(), "what the build knew stays");
    }

    /** The pull request as a build that made three criteria its tasks recorded it 11 minutes ago; one is resolved since. */
    private RecordedPullRequest withTasks(RecordedPullRequest pr) {
        for (String task : List.of("One", "Two", "Three")) {
            fixture.sandbox().addTask("acme-team", "widgets", pr.id(), "alice@acme.test", task);
        }
        fixture.sandbox().setTaskState("acme-team", "widgets", pr.id(), "Two", true);
        return pr.withTasks(3, 0, now.get() - Duration.ofMinutes(11).toMillis());
    }

    private List<RecordedPullRequest> openedWithTasks() throws Exception {
        return List.of(withTasks(opened(1).get(0)));
    }

    @Test
    void aBuildPageRefreshesTheProgressInPlaceOfAStateRequestOncePerTenLifetimes() throws Exception {
        List<RecordedPullRequest> build = openedWithTasks(); // state 5 min old, tasks 11 min old
        assertEquals(1, fixture.requestsDuring(() -> states.lookWithProgress(viewer(fixture.bob()), build)),
                "a state older than two lifetimes comes first");
        assertEquals(0, fixture.requestsDuring(() -> {
            for (int view = 0; view < 1000; view++) {
                states.lookWithProgress(viewer(fixture.bob()), build);
            }
        }), "1,000 views within the lifetime");

        now.addAndGet(Duration.ofSeconds(61).toMillis());
        List<PullRequestStates.Look> withProgress = new ArrayList<>();
        assertEquals(1, fixture.requestsDuring(() -> withProgress.addAll(states.lookWithProgress(viewer(fixture.bob()), build))),
                "a lifetime later the progress takes the request, in place of the state");
        assertEquals(List.of("/repositories/acme-team/widgets/pullrequests/" + build.get(0).id() + "/tasks"),
                fixture.exchanges().stream().map(e -> e.path()).toList());
        assertEquals(1, withProgress.get(0).pullRequest().tasksResolved());
        assertEquals(3, withProgress.get(0).pullRequest().tasksTotal());
        assertEquals(0, fixture.requestsDuring(() -> states.lookWithProgress(viewer(fixture.bob()), build)),
                "nothing more in that lifetime: neither state nor progress");

        now.addAndGet(Duration.ofSeconds(61).toMillis());
        assertEquals(1, fixture.requestsDuring(() -> states.lookWithProgress(viewer(fixture.bob()), build)), "the state again");
        assertTrue(fixture.exchanges().get(0).path().endsWith("/pullrequests"), fixture.exchanges().get(0).path());

        for (int minute = 0; minute < 10; minute++) {
            now.addAndGet(Duration.ofSeconds(61).toMillis());
            fixture.sandbox().setTaskState("acme-team", "widgets", build.get(0).id(), "One", minute >= 5);
            int requests = fixture.requestsDuring(() -> states.lookWithProgress(viewer(fixture.bob()), build));
            assertEquals(1, requests, "one request per lifetime, minute " + minute);
        }
        assertEquals(2, states.lookWithProgress(viewer(fixture.bob()), build).get(0).pullRequest().tasksResolved(),
                "ten lifetimes after the last, the progress again");
    }

    @Test
    void concurrentViewersMakeOneProgressRequestAndAViewerWithoutATokenTakesNoSlot() throws Exception {
        List<RecordedPullRequest> build = openedWithTasks();
        states.lookWithProgress(viewer(fixture.bob()), build); // the state, now fresh
        now.addAndGet(Duration.ofSeconds(61).toMillis());
        assertEquals(0, fixture.requestsDuring(() -> states.lookWithProgress(viewer(null), build)),
                "an anonymous viewer asks nothing");
        java.util.concurrent.ExecutorService viewers = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            int requests = fixture.requestsDuring(() -> {
                List<java.util.concurrent.Future<?>> looks = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    looks.add(viewers.submit(() -> {
                        start.await();
                        return states.lookWithProgress(viewer(fixture.bob()), build);
                    }));
                }
                start.countDown();
                for (java.util.concurrent.Future<?> look : looks) {
                    look.get();
                }
            });
            assertEquals(1, requests, "20 viewers at the same moment: one progress request, and no state request");
        } finally {
            viewers.shutdownNow();
        }
        assertEquals(1, states.lookWithProgress(viewer(fixture.bob()), build).get(0).pullRequest().tasksResolved());
    }

    @Test
    void theProgressIsNeverAskedForAFinalPullRequestNorOnAJobPageNorWithoutTasks() throws Exception {
        List<RecordedPullRequest> two = opened(2);
        List<RecordedPullRequest> build = List.of(withTasks(two.get(0)));
        List<RecordedPullRequest> withoutTasks = List.of(two.get(1));
        assertEquals(1, fixture.requestsDuring(() -> states.look(viewer(fixture.bob()), build)), "a job page: the state only");
        now.addAndGet(Duration.ofSeconds(61).toMillis());
        fixture.sandbox().setPullRequestState("acme-team", "widgets", build.get(0).id(), "MERGED");
        assertEquals(1, fixture.requestsDuring(() -> states.lookWithProgress(viewer(fixture.bob()), build)),
                "the progress is due, and takes the request");
        now.addAndGet(Duration.ofSeconds(61).toMillis());
        assertEquals(1, fixture.requestsDuring(() -> states.lookWithProgress(viewer(fixture.bob()), build)),
                "the state: merged");
        now.addAndGet(Duration.ofMinutes(11).toMillis());
        assertEquals(0, fixture.requestsDuring(() -> states.lookWithProgress(viewer(fixture.bob()), build)), "final: nothing");

        assertEquals(1, fixture.requestsDuring(() -> states.lookWithProgress(viewer(fixture.bob()), withoutTasks)),
                "a pull request whose tasks the build never read costs no tasks request");
    }
}
