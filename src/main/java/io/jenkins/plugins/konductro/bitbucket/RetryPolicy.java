package io.jenkins.plugins.konductro.bitbucket;

import java.time.Duration;

/**
 * How long the client keeps trying after 429 and 502/503/504 answers (and, for reads, lost connections).
 * {@code waitBudget} caps the total time spent waiting between attempts of one call.
 */
public record RetryPolicy(int maxAttempts, Duration waitBudget, Duration initialBackoff, Duration maxBackoff) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(6, Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(Messages.RetryPolicy_tooFewAttempts());
        }
        if (waitBudget.isNegative() || initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException(Messages.RetryPolicy_badWaits());
        }
    }
}
