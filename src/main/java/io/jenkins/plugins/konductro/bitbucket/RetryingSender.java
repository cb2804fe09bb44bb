package io.jenkins.plugins.konductro.bitbucket;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Sends a request, and sends it again while that is safe and worth it: 429, 503 and gateway failures (502/504/555)
 * for reads; for writes only 429 and 503, the answers that prove the request was not processed, while a gateway
 * failure or a lost connection on a write is reported as {@link BitbucketException.NoAnswer} for the caller to
 * re-read. Waits honour Retry-After, stay within the policy's budget and end at once when the thread is interrupted.
 */
final class RetryingSender {
    private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    private static final Logger LOGGER = Logger.getLogger(RetryingSender.class.getName());

    private final Transport transport;
    private final RetryPolicy policy;
    private final Sleeper sleeper;

    /** Sends a request once, without retries. */
    @FunctionalInterface
    interface Transport {
        Response send(Request request, String call) throws IOException;
    }

    /** How the sender waits between attempts; tests record waits instead of sleeping. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());

        void sleep(Duration duration) throws InterruptedException;
    }

    RetryingSender(Transport transport, RetryPolicy policy, Sleeper sleeper) {
        this.transport = transport;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * The first answer that is not to be retried; the caller closes it.
     *
     * @param call the request's method and path, for messages
     * @param idempotent whether sending the request twice does no harm (a read)
     */
    Response send(Request request, String call, boolean idempotent) throws IOException {
        long waitedNanos = 0;
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException(Messages.RetryingSender_interruptedBefore(call));
            }
            Response response;
            try {
                response = transport.send(request, call);
            } catch (IOException e) {
                if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                Duration wait = backoff(attempt);
                if (!idempotent || attempt >= policy.maxAttempts() || !fitsBudget(waitedNanos, wait)) {
                    String failure = e.getClass().getSimpleName();
                    throw new BitbucketException.NoAnswer(idempotent
                            ? Messages.RetryingSender_noAnswerToRead(call, attemptCount(attempt), failure)
                            : Messages.RetryingSender_noAnswerToWrite(call, attemptCount(attempt), failure), e);
                }
                waitedNanos += pause(wait, call, attempt, e.getClass().getSimpleName());
                continue;
            }
            if (!idempotent && isGatewayFailure(response.code())) {
                try (response) {
                    throw new BitbucketException.NoAnswer(
                            Messages.RetryingSender_gatewayFailedOnWrite(Integer.toString(response.code()), call), null);
                }
            }
            if (!isRetryable(response.code(), idempotent)) {
                return response;
            }
            Optional<Duration> asked = retryAfter(response);
            Duration wait = asked.isPresent() ? asked.get() : backoff(attempt);
            boolean outOfAttempts = attempt >= policy.maxAttempts();
            if (outOfAttempts || !fitsBudget(waitedNanos, wait)) {
                try (response) {
                    throw FailedAnswer.of(response, call).asGivenUp(attempt, outOfAttempts ? null : wait, policy.waitBudget());
                }
            }
            response.close();
            waitedNanos += pause(wait, call, attempt, "HTTP " + response.code());
        }
    }

    /** "1 attempt", "3 attempts". */
    static String attemptCount(int count) {
        return count == 1 ? Messages.RetryingSender_oneAttempt() : Messages.RetryingSender_attempts(Integer.toString(count));
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

    /** Exponential backoff with jitter: a random wait between half and all of the doubled step. */
    Duration backoff(int attempt) {
        long max = policy.maxBackoff().toNanos();
        long step = Math.min(max, policy.initialBackoff().toNanos());
        for (int i = 1; i < attempt && step < max; i++) {
            step = step > max / 2 ? max : step * 2;
        }
        return Duration.ofNanos(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
    }

    private static boolean isRetryable(int code, boolean idempotent) {
        return code == 429 || code == 503 || (idempotent && isGatewayFailure(code));
    }

    /** The gateway gave up waiting for Bitbucket: for a POST, whether it was processed is unknown. */
    private static boolean isGatewayFailure(int code) {
        return code == 502 || code == 504 || code == 555;
    }

    private boolean fitsBudget(long waitedNanos, Duration wait) {
        return waitedNanos + wait.toNanos() <= policy.waitBudget().toNanos();
    }

    private long pause(Duration wait, String call, int attempt, String reason) throws InterruptedIOException {
        LOGGER.log(Level.FINE, "{0} got {1} on attempt {2}; retrying in {3} ms", new Object[] {call, reason, attempt, wait.toMillis()});
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(Messages.RetryingSender_interruptedWaiting(call));
        }
        return wait.toNanos();
    }
}
