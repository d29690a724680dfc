package org.dcplanner.consolidation.ingestion.source;

import java.io.IOException;
import java.io.InputStream;

/** The files of one upload (a single file, a zip archive or a folder), read one after the other as streams. */
public interface TraceSource {
    /** Name of the upload (file or folder name), used as the default workload name and in errors. */
    String name();

    /**
     * Calls the visitor once per trace file, in name order for folders and archive order for zips; files that are
     * not traces ({@link #skipRule}) go to {@code skipped} with the rule that skipped them.
     */
    void forEachFile(FileVisitor visitor, SkipListener skipped) throws IOException;

    default void forEachFile(FileVisitor visitor) throws IOException {
        forEachFile(visitor, (path, rule) -> {});
    }

    /** Told about each archive or folder entry that was not read as a trace, and why. */
    @FunctionalInterface
    interface SkipListener {
        void skipped(String path, String rule);
    }

    @FunctionalInterface
    interface FileVisitor {
        /**
         * @param path    the file's path inside the upload (used in error reports)
         * @param content the file's bytes; read it to the end, do not close it
         */
        void visit(String path, InputStream content) throws IOException;
    }

    /** The last segment of a path: the file's own name, which names the VM for per-VM formats. */
    static String baseName(String path) {
        String p = path.replace('\\', '/');
        return p.substring(p.lastIndexOf('/') + 1);
    }

    /**
     * The rule under which a file is not a trace, or null for a trace file: {@code dot-segment} (hidden file or
     * folder), {@code macos-metadata} (__MACOSX), {@code readme}/{@code license} (exactly readme, license, licence,
     * copying or notice, optionally .txt/.md/.rst/.html), {@code markdown} (*.md), {@code checksums} (sha256sums,
     * md5sums, *.sha256). A VM file merely starting with those words (license-server-01) is a trace.
     */
    static String skipRule(String path) {
        String p = path.replace('\\', '/');
        for (String segment : p.split("/")) {
            if (segment.equals("__MACOSX")) return "macos-metadata";
            if (segment.startsWith(".")) return "dot-segment";
        }
        String base = baseName(p).toLowerCase(java.util.Locale.ROOT);
        if (base.matches("readme(\\.(txt|md|rst|html))?")) return "readme";
        if (base.matches("(license|licence|copying|notice)(\\.(txt|md|rst|html))?")) return "license";
        if (base.endsWith(".md")) return "markdown";
        if (base.equals("sha256sums") || base.equals("md5sums") || base.endsWith(".sha256")) return "checksums";
        return null;
    }
}
