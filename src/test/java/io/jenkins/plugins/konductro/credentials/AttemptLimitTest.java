package io.jenkins.plugins.konductro.credentials;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Verify's limit: a few checks a minute per user, so Jenkins cannot be used to test tokens in bulk. */
class AttemptLimitTest {

    @Test
    void eachUserHasTheirOwnFewAttemptsPerWindow() {
        AtomicLong now = new AtomicLong();
        AttemptLimit limit = new AttemptLimit(5, Duration.ofMinutes(1), now::get);
        for (int i = 0; i < 5; i++) {
            assertTrue(limit.tryAcquire("alice"));
        }
        assertFalse(limit.tryAcquire("alice"), "the sixth within a minute");
        assertTrue(limit.tryAcquire("bob"), "another user is not held up");
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertFalse(limit.tryAcquire("alice"));
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(limit.tryAcquire("alice"), "a minute after the first, one attempt is free again");
    }
}
