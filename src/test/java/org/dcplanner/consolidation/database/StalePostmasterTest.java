package org.dcplanner.consolidation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileOutputStream;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A postmaster.pid left behind: a postmaster deaf to the fast shutdown is killed; a locked directory is refused. */
class StalePostmasterTest {
    @TempDir
    Path dir;

    @Test
    void aPostmasterThatIgnoresTheFastShutdownIsKilledAfterTheGrace() throws Exception {
        // a "postgres" of this data directory (by its command line) that ignores SIGINT once its trap is set
        Process deaf =
                new ProcessBuilder("sh", "-c", "trap '' INT; sleep 600; :", "postgres", "-D", dir.toString()).start();
        try {
            awaitChild(deaf);
            Files.writeString(dir.resolve("postmaster.pid"), deaf.pid() + "\n" + dir + "\n");

            StalePostmaster.clear(dir, Duration.ofMillis(300));

            assertThat(deaf.isAlive()).isFalse();
            assertThat(dir.resolve("postmaster.pid")).doesNotExist();
        } finally {
            deaf.descendants().forEach(ProcessHandle::destroyForcibly);
            deaf.destroyForcibly();
        }
    }

    @Test
    void aDirectoryWhoseLockThisJvmHoldsIsRefused() throws Exception {
        Files.writeString(dir.resolve("postmaster.pid"), "1\n");
        try (FileOutputStream out = new FileOutputStream(dir.resolve("epg-lock").toFile());
                FileLock held = out.getChannel().lock()) {
            assertThatThrownBy(() -> StalePostmaster.clear(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("in use by another running service");
        }
        assertThat(dir.resolve("postmaster.pid")).exists();
    }

    /** The shell runs its sleep after the trap is set. */
    private static void awaitChild(Process p) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (p.children().findAny().isPresent()) return;
            Thread.sleep(25);
        }
        throw new AssertionError("the shell did not start its child");
    }
}
