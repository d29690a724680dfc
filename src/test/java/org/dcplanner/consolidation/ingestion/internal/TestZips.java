package org.dcplanner.consolidation.ingestion.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds zip uploads for tests under target/ (uploads are files; traces are never copied into the repository). */
final class TestZips {
    private TestZips() {}

    static Path dir() {
        try {
            return Files.createDirectories(Path.of("target", "test-uploads"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Zips a folder's regular files, each under {@code prefix/<file name>}. */
    static Path zipFolder(Path folder, String zipName, String prefix) throws IOException {
        Path zip = dir().resolve(zipName);
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (Path f : files) {
                out.putNextEntry(new ZipEntry(prefix + "/" + f.getFileName()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        return zip;
    }

    /** A zip of the given entry names and contents. */
    static Path zip(String zipName, Map<String, byte[]> entries) throws IOException {
        Path zip = dir().resolve(zipName);
        try (OutputStream os = Files.newOutputStream(zip);
                ZipOutputStream out = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    static Path file(String name, byte[] content) throws IOException {
        return Files.write(dir().resolve(name), content);
    }
}
