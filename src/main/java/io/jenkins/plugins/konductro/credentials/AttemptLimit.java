package io.jenkins.plugins.konductro.credentials;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** At most {@code attempts} per key within a sliding {@code window}; keys with no recent attempt are forgotten. */
public final class AttemptLimit {
    private final int attempts;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Deque<Long>> recent = new HashMap<>();

    public AttemptLimit(int attempts, Duration window) {
        this(attempts, window, System::nanoTime);
    }

    AttemptLimit(int attempts, Duration window, LongSupplier clock) {
        this.attempts = attempts;
        this.windowNanos = window.toNanos();
        this.clock = clock;
    }

    /** Counts an attempt for {@code key}, or refuses it when the key has used up its attempts in the window. */
    public synchronized boolean tryAcquire(String key) {
        long now = clock.getAsLong();
        recent.values().forEach(times -> {
            while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
                times.pollFirst();
            }
        });
        recent.values().removeIf(Deque::isEmpty);
        Deque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        if (times.size() >= attempts) {
            return false;
        }
        times.addLast(now);
        return true;
    }
}
