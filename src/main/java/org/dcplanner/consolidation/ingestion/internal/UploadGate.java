package org.dcplanner.consolidation.ingestion.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.dcplanner.consolidation.problem.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Bounds how many uploads parse and store at once ({@code app.ingestion.max-concurrent-uploads}, default: the
 * cores), so a burst of uploads queues (their bodies already spooled to disk) instead of starving reads of CPU.
 * An upload that waits longer than {@code app.ingestion.upload-queue-timeout} gets 503 uploads-busy.
 */
@Component
class UploadGate {
    private final Semaphore permits;
    private final Duration timeout;

    UploadGate(
            @Value("${app.ingestion.max-concurrent-uploads:0}") int maxConcurrent,
            @Value("${app.ingestion.upload-queue-timeout:120s}") Duration timeout) {
        int n = maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        this.permits = new Semaphore(n, true);
        this.timeout = timeout;
    }

    <T> T run(Supplier<T> upload) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ApiException(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            "uploads-busy",
                            "Too many uploads",
                            "The service is busy with other uploads; retry in a minute")
                    .with("retryAfterSeconds", 60);
        }
        try {
            return upload.get();
        } finally {
            permits.release();
        }
    }
}
