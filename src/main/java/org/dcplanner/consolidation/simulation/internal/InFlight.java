package org.dcplanner.consolidation.simulation.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Computations of this node by key, each run once at a time: a second caller for a key being computed waits for
 * that result instead of computing it again (the dashboard asking for a 50,000-VM plan's approach comparison
 * while the replay job computes it). Nothing is kept once a computation ends.
 */
final class InFlight<K, V> {
    private final Map<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    V get(K key, Supplier<V> compute) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> other = running.putIfAbsent(key, mine);
        if (other != null) {
            try {
                return other.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error r) throw r;
                throw e;
            }
        }
        try {
            V value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            running.remove(key, mine);
        }
    }
}
