package org.dcplanner.consolidation.ingestion.internal;

import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Multipart uploads spool to a dedicated folder ({@code app.upload-temp-dir}), one sub-folder per run
 * guarded by a file lock held while the JVM lives. At start, the folders of earlier runs whose lock is
 * free (the run ended or was killed) are deleted with whatever temp files they still hold.
 */
@Configuration(proxyBeanMethods = false)
class UploadTempDir {
    private static final Logger log = LoggerFactory.getLogger(UploadTempDir.class);
    private static FileChannel heldLock; // kept open (and locked) for the life of the JVM

    @Bean
    MultipartConfigElement multipartConfigElement(
            MultipartProperties multipart, @Value("${app.upload-temp-dir:./data/upload-tmp}") Path base) {
        Path runDir = prepare(base.toAbsolutePath());
        MultipartProperties props = multipart;
        props.setLocation(runDir.toString());
        return props.createMultipartConfig();
    }

    /** Deletes the folders of dead runs and makes (and locks) this run's folder. */
    static synchronized Path prepare(Path base) {
        try {
            Files.createDirectories(base);
            removeDeadRuns(base);
            String run = "run-" + UUID.randomUUID();
            Path dir = Files.createDirectories(base.resolve(run));
            FileChannel lock =
                    FileChannel.open(base.resolve(run + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock.lock();
            heldLock = lock;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot prepare the upload temp folder " + base + " (set UPLOAD_TEMP_DIR to a writable folder)", e);
        }
    }

    static int removeDeadRuns(Path base) throws IOException {
        int removed = 0;
        try (Stream<Path> locks = Files.list(base)) {
            for (Path lockFile : locks.filter(p -> p.getFileName().toString().endsWith(".lock"))
                    .toList()) {
                String run = lockFile.getFileName().toString().replaceFirst("\\.lock$", "");
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                        FileLock l = ch.tryLock()) {
                    if (l == null) continue; // a live run (another JVM) owns it
                    deleteTree(base.resolve(run));
                } catch (java.nio.channels.OverlappingFileLockException e) {
                    continue; // this JVM's own run
                }
                Files.deleteIfExists(lockFile);
                removed++;
            }
        }
        if (removed > 0) log.info("Removed upload temp folders of {} earlier run(s) under {}", removed, base);
        return removed;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
