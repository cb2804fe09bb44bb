package io.jenkins.plugins.konductro.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the sandbox plays instead of (or on top of) its normal answer. A fault is immutable;
 * {@link BitbucketSandbox#inject(Fault)} uses it for the next {@link #times(int) n} matching requests
 * (default 1) and then forgets it.
 */
public final class Fault {

    enum Kind { RATE_LIMITED, STATUS, HTML_STATUS, EMPTY_STATUS, SLOW, DROP_BEFORE, DROP_AFTER }

    final Kind kind;
    final int code;
    final String retryAfter;
    final Duration delay;
    final int times;

    private Fault(Kind kind, int code, String retryAfter, Duration delay, int times) {
        this.kind = kind;
        this.code = code;
        this.retryAfter = retryAfter;
        this.delay = delay;
        this.times = times;
    }

    /** 429 with Bitbucket's JSON error "Rate limit for this resource has been exceeded."; {@code Retry-After} when non-null. */
    public static Fault rateLimited(String retryAfterOrNull) {
        return new Fault(Kind.RATE_LIMITED, 429, retryAfterOrNull, Duration.ZERO, 1);
    }

    /** The given status with a JSON error body. Nothing is processed. */
    public static Fault status(int code) {
        return new Fault(Kind.STATUS, checkCode(code), null, Duration.ZERO, 1);
    }

    /** The given status with an HTML error page ({@code text/html}), as a proxy or load balancer answers. */
    public static Fault htmlStatus(int code) {
        return new Fault(Kind.HTML_STATUS, checkCode(code), null, Duration.ZERO, 1);
    }

    /** The given status with an empty body. */
    public static Fault emptyStatus(int code) {
        return new Fault(Kind.EMPTY_STATUS, checkCode(code), null, Duration.ZERO, 1);
    }

    /** The request is processed normally, but the response headers are only sent after {@code delay}. */
    public static Fault slow(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay");
        }
        return new Fault(Kind.SLOW, 0, null, delay, 1);
    }

    /** The connection is closed without an answer; the request is not processed (no state change). */
    public static Fault dropBeforeProcessing() {
        return new Fault(Kind.DROP_BEFORE, -1, null, Duration.ZERO, 1);
    }

    /** The request is processed (state changes), then the connection is closed instead of answering. */
    public static Fault dropAfterProcessing() {
        return new Fault(Kind.DROP_AFTER, -1, null, Duration.ZERO, 1);
    }

    /** The same fault for the next {@code n} matching requests. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be >= 1: " + n);
        }
        return new Fault(kind, code, retryAfter, delay, n);
    }

    public int times() {
        return times;
    }

    private static int checkCode(int code) {
        if (code < 100 || code > 999) {
            throw new IllegalArgumentException("bad status code " + code);
        }
        return code;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case RATE_LIMITED -> "rateLimited(" + retryAfter + ")";
            case STATUS -> "status(" + code + ")";
            case HTML_STATUS -> "htmlStatus(" + code + ")";
            case EMPTY_STATUS -> "emptyStatus(" + code + ")";
            case SLOW -> "slow(" + delay + ")";
            case DROP_BEFORE -> "dropBeforeProcessing()";
            case DROP_AFTER -> "dropAfterProcessing()";
        } + (times == 1 ? "" : ".times(" + times + ")");
    }
}
