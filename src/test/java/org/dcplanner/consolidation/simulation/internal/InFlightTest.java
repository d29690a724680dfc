package org.dcplanner.consolidation.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class InFlightTest {

    @Test
    @Timeout(60)
    void aSecondCallerWaitsForTheRunningComputationInsteadOfRepeatingIt() throws Exception {
        InFlight<String, String> inFlight = new InFlight<>();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> inFlight.get("plan", () -> {
                computed.incrementAndGet();
                started.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return "comparison";
            }));
            started.await();
            String[] second = new String[1];
            Thread caller = new Thread(() -> second[0] = inFlight.get("plan", () -> {
                computed.incrementAndGet();
                return "again";
            }));
            caller.start();
            // the second caller is parked on the first one's result before that result exists
            while (caller.getState() != Thread.State.WAITING) Thread.onSpinWait();
            release.countDown();
            caller.join();
            assertThat(first.get()).isEqualTo("comparison");
            assertThat(second[0]).isEqualTo("comparison");
            assertThat(computed).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFinishedOrFailedComputationIsNotKept() {
        InFlight<String, String> inFlight = new InFlight<>();
        assertThatThrownBy(() -> inFlight.get("plan", () -> {
                    throw new IllegalStateException("no placement");
                }))
                .hasMessage("no placement");
        assertThat(inFlight.get("plan", () -> "first")).isEqualTo("first");
        assertThat(inFlight.get("plan", () -> "second")).isEqualTo("second");
    }
}
