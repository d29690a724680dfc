package org.dcplanner.consolidation.ingestion.source;

import java.io.IOException;
import java.io.InputStream;

/** The files of one upload (a single file, a zip archive or a folder), read one after the other as streams. */
public interface TraceSource {
    /** Name of the upload (file or folder name), used as the default workload name and in errors. */
    String name();

    /** Calls the visitor once per trace file, in name order for folders and archive order for zips. */
    void forEachFile(FileVisitor visitor) throws IOException;

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

    /** Files that are not traces: hidden files, macOS archive metadata, readmes, licences and checksums. */
    static boolean isIgnored(String path) {
        String p = path.replace('\\', '/');
        for (String segment : p.split("/")) {
            if (segment.startsWith(".") || segment.equals("__MACOSX")) return true;
        }
        String base = baseName(p).toLowerCase(java.util.Locale.ROOT);
        return base.isEmpty() || base.startsWith("readme") || base.startsWith("license") || base.endsWith(".md")
                || base.equals("sha256sums");
    }
}
