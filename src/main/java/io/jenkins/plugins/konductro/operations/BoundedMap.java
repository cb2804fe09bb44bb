package io.jenkins.plugins.konductro.operations;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A thread-safe map that keeps at most {@code capacity} entries, forgetting the least recently used: every cache a
 * long-running Jenkins fills from what people do (repositories, users, workspaces) is one, so none grows without end.
 */
public final class BoundedMap<K, V> {
    private final Map<K, V> entries;

    public BoundedMap(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(Messages.BoundedMap_capacityNotPositive());
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized V get(K key) {
        return entries.get(key);
    }

    public synchronized void put(K key, V value) {
        entries.put(key, value);
    }

    public synchronized V computeIfAbsent(K key, Function<? super K, ? extends V> make) {
        return entries.computeIfAbsent(key, make);
    }

    public synchronized void remove(K key) {
        entries.remove(key);
    }

    /** Removes the entry only while it still maps {@code key} to {@code value}. */
    public synchronized void remove(K key, V value) {
        entries.remove(key, value);
    }

    public synchronized int size() {
        return entries.size();
    }
}
