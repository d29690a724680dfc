package org.dcplanner.consolidation.planning.internal;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;

/**
 * The last few sized problems of this node, by request (its name aside), so that a plan's start check, solve,
 * partitions, merge and dashboard reads load and size its workload once per node instead of once each (a
 * 50,000-VM month is 864 M samples). Two threads asking for the same request at once size it once. An entry is
 * dropped after {@code idle} unused, and the oldest when more than {@code entries} are held. Sized problems are
 * only read once built, never changed; a request names its workload (never changed once stored) and its pool's
 * catalog models (never edited in place), so an entry cannot go stale.
 */
final class SizedProblemCache {
    private final int entries;
    private final long idleNanos;
    private final Map<PlanRequest, Entry> byRequest = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Entry {
        final CompletableFuture<BuiltProblem> problem = new CompletableFuture<>();
        long usedAt = System.nanoTime();
    }

    SizedProblemCache(int entries, Duration idle) {
        this.entries = entries;
        this.idleNanos = idle.toNanos();
    }

    /** The cached problem of this request, or {@code build}'s (cached when it returns; its exceptions pass through). */
    BuiltProblem get(PlanRequest request, Supplier<BuiltProblem> build) {
        PlanRequest key = request.named(null);
        Entry entry;
        boolean mine;
        synchronized (this) {
            dropIdle();
            entry = byRequest.get(key);
            mine = entry == null;
            if (mine) {
                entry = new Entry();
                byRequest.put(key, entry);
                while (byRequest.size() > entries) {
                    Iterator<Entry> oldest = byRequest.values().iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
            entry.usedAt = System.nanoTime();
        }
        if (mine) {
            try {
                entry.problem.complete(build.get());
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    byRequest.remove(key, entry);
                }
                entry.problem.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return entry.problem.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error r) throw r;
            throw e;
        }
    }

    private void dropIdle() {
        long now = System.nanoTime();
        byRequest.values().removeIf(e -> e.problem.isDone() && now - e.usedAt > idleNanos);
    }
}
