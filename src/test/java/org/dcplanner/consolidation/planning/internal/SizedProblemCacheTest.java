package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.dcplanner.consolidation.planning.PlanRequest;
import org.dcplanner.consolidation.planning.internal.PlanProblemFactory.BuiltProblem;
import org.junit.jupiter.api.Test;

class SizedProblemCacheTest {
    private static final UUID WORKLOAD = UUID.fromString("00000000-0000-0000-0000-000000000001");

    private static PlanRequest request(String name, int hosts) {
        return new PlanRequest(
                WORKLOAD,
                name,
                List.of(new PlanRequest.PoolEntry("dell-r740", hosts)),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static BuiltProblem problem() {
        return new BuiltProblem(null, null, List.of());
    }

    @Test
    void aRequestIsSizedOnceWhateverItsName() {
        SizedProblemCache cache = new SizedProblemCache(2, Duration.ofMinutes(10));
        AtomicInteger sized = new AtomicInteger();
        BuiltProblem first = cache.get(request("a", 10), () -> {
            sized.incrementAndGet();
            return problem();
        });
        BuiltProblem again = cache.get(request("b", 10), () -> {
            sized.incrementAndGet();
            return problem();
        });
        assertThat(again).isSameAs(first);
        assertThat(sized).hasValue(1);
        cache.get(request("a", 11), () -> {
            sized.incrementAndGet();
            return problem();
        });
        assertThat(sized).hasValue(2);
    }

    @Test
    void twoThreadsAskingAtOnceShareOneSizing() throws Exception {
        SizedProblemCache cache = new SizedProblemCache(2, Duration.ofMinutes(10));
        AtomicInteger sized = new AtomicInteger();
        CountDownLatch sizing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<BuiltProblem> a = pool.submit(() -> cache.get(request("a", 10), () -> {
                sized.incrementAndGet();
                sizing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return problem();
            }));
            sizing.await();
            Future<BuiltProblem> b = pool.submit(() -> cache.get(request("a", 10), () -> {
                sized.incrementAndGet();
                return problem();
            }));
            release.countDown();
            assertThat(b.get()).isSameAs(a.get());
            assertThat(sized).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedSizingIsNotKeptAndTheOldestEntryMakesRoom() {
        SizedProblemCache cache = new SizedProblemCache(2, Duration.ofMinutes(10));
        assertThatThrownBy(() -> cache.get(request("a", 10), () -> {
                    throw new IllegalStateException("no workload");
                }))
                .hasMessage("no workload");
        AtomicInteger sized = new AtomicInteger();
        cache.get(request("a", 10), () -> {
            sized.incrementAndGet();
            return problem();
        });
        assertThat(sized).hasValue(1);
        cache.get(request("b", 11), () -> problem());
        cache.get(request("c", 12), () -> problem());
        // three requests in a cache of two: the first (least recently used) was dropped
        cache.get(request("a", 10), () -> {
            sized.incrementAndGet();
            return problem();
        });
        assertThat(sized).hasValue(2);
    }
}
