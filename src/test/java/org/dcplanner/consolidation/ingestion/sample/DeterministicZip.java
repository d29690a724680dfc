package org.dcplanner.consolidation.ingestion.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zips entries in the given order with one fixed DOS timestamp and no extra fields, so the archive
 * depends only on the entries (and on the JDK's deflate implementation).
 */
final class DeterministicZip {
    static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 5, 0, 0);

    private DeterministicZip() {}

    /** @param entries entry name → content, in iteration order (use a LinkedHashMap) */
    static byte[] zip(Map<String, byte[]> entries) {
        var bytes = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                var zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTimeLocal(ENTRY_TIME);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
