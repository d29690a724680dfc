package org.dcplanner.consolidation.database;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster.pid left by a killed run, handled so that one start is enough: a postmaster still
 * running on this data directory without the JVM that started it (zonky's {@code epg-lock} is free)
 * is stopped (fast shutdown, then SIGKILL after a grace period); a pid file naming no such process is removed.
 * A data directory in use by a live service (lock held) is refused with a clear message.
 */
final class StalePostmaster {
    private static final Logger log = LoggerFactory.getLogger(StalePostmaster.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private StalePostmaster() {}

    static void clear(Path dataDir) {
        clear(dataDir, STOP_GRACE);
    }

    /** As {@link #clear(Path)}, killing a postmaster that has not stopped {@code stopGrace} after the fast shutdown. */
    static void clear(Path dataDir, Duration stopGrace) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        if (lockedByLiveService(dataDir)) {
            throw new IllegalStateException("the embedded PostgreSQL data directory " + dataDir
                    + " is in use by another running service; stop it or set EMBEDDED_DB_DIR to another directory");
        }
        Optional<ProcessHandle> postmaster = pid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> isPostgresOf(p, dataDir));
        if (postmaster.isEmpty()) {
            log.warn("Removing stale {} (no postmaster of this data directory is running)", pidFile);
            delete(pidFile);
            return;
        }
        ProcessHandle p = postmaster.get();
        log.warn("Stopping orphaned PostgreSQL postmaster (pid {}) left by a previous run on {}", p.pid(), dataDir);
        signal("INT", p.pid()); // fast shutdown: roll back, checkpoint, exit
        if (!waitForExit(p, stopGrace)) {
            log.warn(
                    "Postmaster {} did not stop within {} ms; killing it (crash recovery runs at start)",
                    p.pid(),
                    stopGrace.toMillis());
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            waitForExit(p, Duration.ofSeconds(10));
        }
        if (Files.exists(pidFile) && !p.isAlive()) delete(pidFile);
    }

    /** zonky holds an OS file lock on epg-lock while its JVM lives; the OS drops it when the JVM dies. */
    private static boolean lockedByLiveService(Path dataDir) {
        Path lockFile = dataDir.resolve("epg-lock");
        if (!Files.exists(lockFile)) return false;
        try (FileOutputStream out = new FileOutputStream(lockFile.toFile(), true);
                FileLock lock = out.getChannel().tryLock()) {
            return lock == null;
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return true; // held by this very JVM
        } catch (IOException e) {
            return false;
        }
    }

    static Optional<Long> pid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The process is a postgres server whose command line names this data directory. */
    private static boolean isPostgresOf(ProcessHandle p, Path dataDir) {
        String command = p.info().command().orElse("");
        String line = p.info().commandLine().orElse("");
        Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
        if (Files.isReadable(cmdline)) {
            try {
                line = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).replace('\0', ' ');
            } catch (IOException ignored) {
                // fall back to ProcessHandle.Info
            }
        }
        return (command.endsWith("postgres") || line.contains("postgres")) && line.contains(dataDir.toString());
    }

    private static void signal(String name, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid))
                    .redirectErrorStream(true)
                    .start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy); // SIGTERM: smart shutdown
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle p, Duration timeout) {
        try {
            p.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !p.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot remove stale " + file + ": " + e.getMessage(), e);
        }
    }
}
