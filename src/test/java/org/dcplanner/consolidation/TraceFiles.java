package org.dcplanner.consolidation;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Locates the real public traces in ../shared/traces (system property traces.dir); tests skip when absent. */
public final class TraceFiles {
    private TraceFiles() {}

    public static Path root() {
        String dir = System.getProperty("traces.dir", System.getenv().getOrDefault("TRACES_DIR", "../shared/traces"));
        return Path.of(dir);
    }

    /** Returns the sub-path, or aborts the calling test (skipped, not failed) when the traces are absent. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), "traces not available at " + p.toAbsolutePath());
        return p;
    }
}
