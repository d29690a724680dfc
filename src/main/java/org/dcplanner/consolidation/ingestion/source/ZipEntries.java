package org.dcplanner.consolidation.ingestion.source;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.dcplanner.consolidation.ingestion.internal.IngestProblems;
import org.dcplanner.consolidation.ingestion.internal.IngestionProperties;

/**
 * Streams the entries of an archive (zip, tar, or a gzip-compressed single file) with the safety checks of an untrusted upload: entry paths with
 * {@code ..} or an absolute path are refused (422), and the bytes read out are counted against a total
 * cap and a compression-ratio cap (413), so a zip bomb stops after the limit, not after the disk is full.
 * The ratio is expanded bytes / archive bytes consumed so far (not / the whole upload), so a bomb is
 * recognised once {@link IngestionProperties#RATIO_CHECK_FLOOR_BYTES} are expanded, before the parser
 * could fail on the (huge) content for another reason. Entries are never written to disk.
 */
final class ZipEntries {
    private final InputStream in;
    private final String archive;
    private long compressedBytes;
    private final IngestionProperties limits;
    private long expandedBytes;

    ZipEntries(InputStream in, String archive, IngestionProperties limits) {
        this.in = new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) compressedBytes++;
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) compressedBytes += n;
                return n;
            }
        };
        this.archive = archive;
        this.limits = limits;
    }

    void forEach(TraceSource.FileVisitor visitor, TraceSource.SkipListener skipped) throws IOException {
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        int files = 0;
        while (true) {
            ZipEntry entry = nextEntry(zip);
            if (entry == null) break;
            String path = entry.getName();
            checkPath(path);
            if (entry.isDirectory()) continue;
            String rule = TraceSource.skipRule(path);
            if (rule != null) {
                skipped.skipped(path, rule);
                continue;
            }
            if (++files > limits.maxEntries()) {
                throw IngestProblems.tooLarge(
                        "too-many-files",
                        "The archive holds more than " + limits.maxEntries() + " files (app.ingestion.max-entries)",
                        archive);
            }
            visitEntry(zip, path, visitor);
        }
        if (files == 0) {
            throw IngestProblems.invalid("empty-file", "The archive contains no trace files", archive, 0, null);
        }
    }

    /** The raw upload with its consumed bytes counted (wrap it in a decompressor, then hand it back). */
    InputStream raw() {
        return in;
    }

    /** Entries of a tar archive read from (a decompressed view of) {@link #raw()}; only regular files are read. */
    void forEachTar(InputStream tarBytes, TraceSource.FileVisitor visitor, TraceSource.SkipListener skipped)
            throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(tarBytes, StandardCharsets.UTF_8.name());
        int files = 0;
        while (true) {
            TarArchiveEntry entry;
            try {
                entry = tar.getNextEntry();
            } catch (IOException | IllegalArgumentException e) {
                throw IngestProblems.invalid(
                        "bad-archive", "The tar archive is damaged: " + e.getMessage(), archive, 0, null);
            }
            if (entry == null) break;
            String path = entry.getName();
            checkPath(path);
            if (!entry.isFile()) continue;
            String rule = TraceSource.skipRule(path);
            if (rule != null) {
                skipped.skipped(path, rule);
                continue;
            }
            if (++files > limits.maxEntries()) {
                throw IngestProblems.tooLarge(
                        "too-many-files",
                        "The archive holds more than " + limits.maxEntries() + " files (app.ingestion.max-entries)",
                        archive);
            }
            visitEntry(tar, path, visitor);
        }
        if (files == 0) {
            throw IngestProblems.invalid("empty-file", "The archive contains no trace files", archive, 0, null);
        }
    }

    /**
     * One entry, gunzipped when it is gzip-compressed (the Azure dataset ships {@code .csv.gz} parts, which
     * people zip or tar as they are); its path then loses {@code .gz}.
     */
    private void visitEntry(InputStream entry, String path, TraceSource.FileVisitor visitor) throws IOException {
        java.io.BufferedInputStream in = new java.io.BufferedInputStream(new Unclosable(entry), 1 << 16);
        in.mark(2);
        byte[] sig = in.readNBytes(2);
        in.reset();
        if (sig.length == 2 && (sig[0] & 0xff) == 0x1f && (sig[1] & 0xff) == 0x8b) {
            visitor.visit(
                    path.replaceFirst("(?i)\\.gz$", ""),
                    new Counted(new java.util.zip.GZIPInputStream(in, 1 << 16), path));
        } else {
            visitor.visit(path, new Counted(in, path));
        }
    }

    /** An entry's stream whose close leaves the archive open. */
    private static final class Unclosable extends FilterInputStream {
        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }

    /** One compressed file (e.g. {@code trace.csv.gz}) as the only entry, counted like an archive entry. */
    void single(String path, InputStream expanded, TraceSource.FileVisitor visitor) throws IOException {
        visitor.visit(path, new Counted(expanded, path));
    }

    private ZipEntry nextEntry(ZipInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw IngestProblems.invalid(
                    "bad-archive", "An entry name in the archive is not valid UTF-8", archive, 0, null);
        } catch (ZipException e) {
            throw IngestProblems.invalid(
                    "bad-archive", "The zip archive is damaged: " + e.getMessage(), archive, 0, null);
        }
    }

    private void checkPath(String path) {
        String p = path.replace('\\', '/');
        boolean absolute = p.startsWith("/") || (p.length() > 1 && p.charAt(1) == ':');
        boolean parent = false;
        for (String segment : p.split("/")) {
            if (segment.equals("..")) parent = true;
        }
        if (absolute || parent) {
            throw IngestProblems.invalid(
                    "unsafe-archive-path",
                    "Archive entry '" + path + "' has " + (absolute ? "an absolute path" : "'..' in its path")
                            + "; entries must be relative",
                    path,
                    0,
                    null);
        }
    }

    private void count(long n, String path) {
        expandedBytes += n;
        if (expandedBytes > limits.maxExpandedBytes()) {
            throw IngestProblems.tooLarge(
                    "zip-bomb",
                    "The archive expands to more than " + limits.maxExpandedBytes()
                            + " bytes (app.ingestion.max-expanded-bytes)",
                    path);
        }
        if (expandedBytes > IngestionProperties.RATIO_CHECK_FLOOR_BYTES
                && expandedBytes / Math.max(1, compressedBytes) > limits.maxCompressionRatio()) {
            throw IngestProblems.tooLarge(
                    "zip-bomb",
                    "The archive expands more than " + limits.maxCompressionRatio()
                            + " times its size (app.ingestion.max-compression-ratio); refusing a likely zip bomb",
                    path);
        }
    }

    /** One entry's bytes, counted against the archive's expansion limits; closing it does not close the archive. */
    private final class Counted extends FilterInputStream {
        private final String path;

        Counted(InputStream zip, String path) {
            super(zip);
            this.path = path;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count(1, path);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count(n, path);
            return n;
        }

        @Override
        public void close() {
            // the archive stream stays open for the next entry
        }
    }
}
