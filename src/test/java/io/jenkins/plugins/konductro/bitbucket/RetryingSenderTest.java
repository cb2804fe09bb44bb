package io.jenkins.plugins.konductro.bitbucket;

import static io.jenkins.plugins.konductro.SecretLeakWatch.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

/** The retry rules on their own: a scripted transport plays Bitbucket's answers, a recording sleeper the waits. */
class RetryingSenderTest {
    private static final RetryPolicy POLICY = new RetryPolicy(3, Duration.ofSeconds(60), Duration.ofMillis(100), Duration.ofMillis(400));
    private static final Request POST = new Request.Builder().url("https://api.bitbucket.org/2.0/x")
            .post(okhttp3.RequestBody.create(new byte[0], null)).build();

    private final Deque<Object> script = new ArrayDeque<>();
    private final List<Duration> waits = new ArrayList<>();
    private final List<String> closed = new ArrayList<>();
    private int sends;

    private RetryingSender sender(RetryPolicy policy) {
        return new RetryingSender((request, call) -> {
            sends++;
            Object next = script.removeFirst();
            if (next instanceof IOException e) {
                throw e;
            }
            return (Response) next;
        }, policy, waits::add);
    }

    /** An answer whose body records when it is closed. */
    private Response answer(int code, String retryAfter) {
        String name = "HTTP " + code + " #" + (script.size() + 1);
        ForwardingSource source = new ForwardingSource(new Buffer().writeUtf8("{}")) {
            @Override
            public void close() throws IOException {
                closed.add(name);
                super.close();
            }
        };
        Response.Builder builder = Answers.answer(code, ResponseBody.create(Okio.buffer(source), MediaType.get("application/json"), 2))
                .newBuilder();
        return retryAfter == null ? builder.build() : builder.header("Retry-After", retryAfter).build();
    }

    @Test
    void aReadIsSentAgainAfterTheWaitBitbucketAsksForAndEveryAnswerLeftBehindIsClosed() throws Exception {
        script.add(answer(429, "3"));
        script.add(answer(503, null));
        Response ok = answer(200, null);
        script.add(ok);
        assertSame(ok, sender(POLICY).send(Answers.GET_USER, "GET /user", true));
        assertEquals(3, sends);
        assertEquals(Duration.ofSeconds(3), waits.get(0));
        assertTrue(waits.get(1).compareTo(Duration.ofMillis(100)) >= 0 && waits.get(1).compareTo(Duration.ofMillis(200)) <= 0, waits.toString());
        assertEquals(List.of("HTTP 429 #1", "HTTP 503 #2"), closed);
    }

    @Test
    void aWriteIsSentAgainOnlyAfterAnswersThatProveItWasNotProcessed() throws Exception {
        script.add(answer(429, "1"));
        script.add(answer(503, "1"));
        script.add(answer(201, null));
        assertEquals(201, sender(POLICY).send(POST, "POST /x", false).code());
        assertEquals(3, sends);
    }

    @Test
    void aGatewayFailureOnAWriteIsNoAnswerAfterOneAttempt() {
        script.add(answer(504, null));
        BitbucketException.NoAnswer e = expect(BitbucketException.NoAnswer.class, () -> sender(POLICY).send(POST, "POST /x", false));
        assertEquals("Bitbucket Cloud's gateway answered HTTP 504 for POST /x: the request may or may not have been processed",
                e.getMessage());
        assertEquals(1, sends);
        assertEquals(List.of("HTTP 504 #1"), closed);
    }

    @Test
    void aLostConnectionOnAWriteIsNoAnswerAfterOneAttempt() {
        script.add(new SocketTimeoutException("read timed out"));
        BitbucketException.NoAnswer e = expect(BitbucketException.NoAnswer.class, () -> sender(POLICY).send(POST, "POST /x", false));
        assertEquals("No answer from Bitbucket Cloud for POST /x after 1 attempt: SocketTimeoutException "
                + "(the request may or may not have been processed)", e.getMessage());
        assertEquals(1, sends);
    }

    @Test
    void aLostConnectionOnAReadIsRetriedUntilTheAttemptsRunOut() {
        for (int i = 0; i < 3; i++) {
            script.add(new IOException("reset"));
        }
        BitbucketException.NoAnswer e = expect(BitbucketException.NoAnswer.class,
                () -> sender(POLICY).send(Answers.GET_USER, "GET /user", true));
        assertEquals("No answer from Bitbucket Cloud for GET /user after 3 attempts: IOException", e.getMessage());
        assertEquals(3, sends);
        assertEquals(2, waits.size());
    }

    @Test
    void aTimeoutOnAReadIsRetriedThoughItIsAnInterruptedIoException() throws Exception {
        script.add(new SocketTimeoutException("timeout"));
        script.add(answer(200, null));
        assertEquals(200, sender(POLICY).send(Answers.GET_USER, "GET /user", true).code());
        assertEquals(2, sends);
    }

    @Test
    void aWaitBeyondTheBudgetIsNotWaited() {
        script.add(answer(429, "120"));
        BitbucketException.RateLimited e = expect(BitbucketException.RateLimited.class,
                () -> sender(POLICY).send(Answers.GET_USER, "GET /user", true));
        assertTrue(e.getMessage().contains("after 1 attempt (waiting 120 s more would exceed the retry budget of 60 s)"), e.getMessage());
        assertEquals(List.of(), waits);
        assertEquals(List.of("HTTP 429 #1"), closed);
    }

    @Test
    void otherAnswersAreReturnedAtOnce() throws Exception {
        for (int code : new int[] {200, 400, 404, 500}) {
            script.add(answer(code, null));
            assertEquals(code, sender(POLICY).send(Answers.GET_USER, "GET /user", true).code());
        }
        assertEquals(4, sends);
        assertEquals(List.of(), waits);
    }

    @Test
    void anInterruptedThreadSendsNothing() {
        Thread.currentThread().interrupt();
        try {
            InterruptedIOException e = expect(InterruptedIOException.class, () -> sender(POLICY).send(Answers.GET_USER, "GET /user", true));
            assertEquals("Interrupted before GET /user", e.getMessage());
            assertEquals(0, sends);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anInterruptionDuringAWaitEndsItAndKeepsTheThreadInterrupted() {
        script.add(answer(503, "1"));
        RetryingSender sender = new RetryingSender((request, call) -> (Response) script.removeFirst(), POLICY, wait -> {
            throw new InterruptedException();
        });
        try {
            InterruptedIOException e = expect(InterruptedIOException.class, () -> sender.send(Answers.GET_USER, "GET /user", true));
            assertEquals("Interrupted while waiting to retry GET /user", e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aCallInterruptedWhileUnderWayIsNotRetried() {
        InterruptedIOException cancelled = new InterruptedIOException("Interrupted during GET /user");
        RetryingSender sender = new RetryingSender((request, call) -> {
            sends++;
            Thread.currentThread().interrupt();
            throw cancelled;
        }, POLICY, waits::add);
        try {
            assertSame(cancelled, expect(InterruptedIOException.class, () -> sender.send(Answers.GET_USER, "GET /user", true)));
            assertEquals(1, sends);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void retryAfterIsReadInSecondsOrAsADateAndKeptBetweenNothingAndADay() {
        assertEquals(Optional.of(Duration.ofSeconds(7)), RetryingSender.retryAfter(answer(429, " 7 ")));
        assertEquals(Optional.of(Duration.ofDays(1)), RetryingSender.retryAfter(answer(429, "99999999999")));
        String past = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(5));
        assertEquals(Optional.of(Duration.ZERO), RetryingSender.retryAfter(answer(429, past)));
        String later = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30));
        Duration untilLater = RetryingSender.retryAfter(answer(429, later)).orElseThrow();
        assertTrue(untilLater.compareTo(Duration.ofSeconds(28)) > 0 && untilLater.compareTo(Duration.ofSeconds(30)) <= 0, untilLater.toString());
        assertEquals(Optional.empty(), RetryingSender.retryAfter(answer(429, "soon")));
        assertEquals(Optional.empty(), RetryingSender.retryAfter(answer(429, null)));
    }

    @Test
    void backoffDoublesWithJitterUpToTheCapWithoutOverflowing() {
        RetryingSender sender = sender(POLICY);
        long[] upper = {100, 200, 400, 400};
        for (int round = 0; round < 50; round++) {
            for (int attempt = 1; attempt <= upper.length; attempt++) {
                long ms = sender.backoff(attempt).toMillis();
                long max = upper[attempt - 1];
                assertTrue(ms >= max / 2 && ms <= max, "attempt " + attempt + " waited " + ms + " ms");
            }
        }
        RetryingSender huge = sender(new RetryPolicy(100, Duration.ofDays(1), Duration.ofSeconds(1), Duration.ofDays(365 * 100)));
        Duration late = huge.backoff(90);
        assertTrue(!late.isNegative() && late.compareTo(Duration.ofDays(365 * 100)) <= 0, late.toString());
    }
}
