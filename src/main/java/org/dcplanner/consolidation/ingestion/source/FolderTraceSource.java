package org.dcplanner.consolidation.ingestion.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A folder on the server's disk (benchmarks, tests, imports): its regular files, recursively, in path order. */
public final class FolderTraceSource implements TraceSource {
    private final Path folder;

    public FolderTraceSource(Path folder) {
        this.folder = folder;
    }

    @Override
    public String name() {
        return folder.getFileName().toString();
    }

    @Override
    public void forEachFile(FileVisitor visitor, SkipListener skipped) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String path = folder.relativize(file).toString();
            String rule = TraceSource.skipRule(path);
            if (rule != null) {
                skipped.skipped(path, rule);
                continue;
            }
            try (InputStream in = Files.newInputStream(file)) {
                visitor.visit(path, in);
            }
        }
    }
}
