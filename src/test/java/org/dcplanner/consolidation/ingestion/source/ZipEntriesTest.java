package org.dcplanner.consolidation.ingestion.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dcplanner.consolidation.ingestion.internal.Problems.problemOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dcplanner.consolidation.ingestion.internal.IngestionProperties;
import org.junit.jupiter.api.Test;

class ZipEntriesTest {
    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> read(byte[] zip, IngestionProperties limits) throws IOException {
        List<String> seen = new ArrayList<>();
        new ZipEntries(new ByteArrayInputStream(zip), "u.zip", limits)
                .forEach(
                        (path, in) -> seen.add(path + "=" + in.readAllBytes().length),
                        (path, rule) -> seen.add(path + " skipped: " + rule));
        return seen;
    }

    @Test
    void streamsTraceEntriesAndSkipsFoldersReadmesAndMacMetadata() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("20110303/", new byte[0]);
        entries.put("20110303/vm a", "1\n2\n".getBytes());
        entries.put("__MACOSX/20110303/._vm a", new byte[3]);
        entries.put("README.md", new byte[5]);
        entries.put("20110303/vm b", "3\n".getBytes());
        entries.put("20110303/license-server-01", "4\n".getBytes());
        entries.put("20110303/.hidden/vm c", "5\n".getBytes());
        entries.put("notes.md", new byte[2]);
        entries.put("LICENSE.txt", new byte[2]);
        assertThat(read(zip(entries), IngestionProperties.defaults()))
                .containsExactly(
                        "20110303/vm a=4",
                        "__MACOSX/20110303/._vm a skipped: macos-metadata",
                        "README.md skipped: readme",
                        "20110303/vm b=2",
                        "20110303/license-server-01=2",
                        "20110303/.hidden/vm c skipped: dot-segment",
                        "notes.md skipped: markdown",
                        "LICENSE.txt skipped: license");
    }

    @Test
    void refusesParentAndAbsolutePaths() {
        assertThat(problemOf(() -> read(zip(Map.of("../evil", new byte[1])), IngestionProperties.defaults())))
                .containsEntry("type", "unsafe-archive-path")
                .containsEntry("status", 422)
                .containsEntry("file", "../evil");
        assertThat(problemOf(() -> read(zip(Map.of("/etc/passwd", new byte[1])), IngestionProperties.defaults())))
                .containsEntry("type", "unsafe-archive-path");
    }

    @Test
    void stopsAtTheExpandedSizeCapAndAtTheCompressionRatioCap() throws IOException {
        byte[] bomb = zip(Map.of("zeros", new byte[20 << 20])); // 20 MiB of zeros -> ~20 KB compressed
        var sizeCap = new IngestionProperties(1_000_000L, null, null, null, null, null, null);
        assertThat(problemOf(() -> read(bomb, sizeCap)))
                .containsEntry("type", "zip-bomb")
                .containsEntry("status", 413);
        assertThat(problemOf(() -> read(bomb, IngestionProperties.defaults())))
                .containsEntry("type", "zip-bomb")
                .extractingByKey("detail")
                .asString()
                .contains("times its size");
    }

    @Test
    void theRatioCapFiresWhileStreamingEvenWhenTheWholeUploadIsLarge() throws IOException {
        // a highly compressible 64 MiB CSV-like entry, then 4 MiB of incompressible bytes: over the whole
        // upload the ratio is ~16, but while streaming the first entry it is far above 200
        var entries = new LinkedHashMap<String, byte[]>();
        byte[] line = "vm-1,2026-01-05T00:00:00Z,1000\n".getBytes();
        byte[] bomb = new byte[64 << 20];
        for (int i = 0; i < bomb.length; i++) bomb[i] = line[i % line.length];
        entries.put("bomb.csv", bomb);
        byte[] noise = new byte[4 << 20];
        new java.util.Random(7).nextBytes(noise);
        entries.put("noise.csv", noise);
        byte[] archive = zip(entries);
        assertThat(archive.length).isGreaterThan(4 << 20);

        long[] readBeforeRefusal = {0};
        var problem = problemOf(() -> new ZipEntries(
                        new ByteArrayInputStream(archive), "u.zip", IngestionProperties.defaults())
                .forEach(
                        (path, in) -> {
                            byte[] buf = new byte[8192];
                            for (int n; (n = in.read(buf)) > 0; ) readBeforeRefusal[0] += n;
                        },
                        (path, rule) -> {}));
        assertThat(problem)
                .containsEntry("type", "zip-bomb")
                .containsEntry("status", 413)
                .containsEntry("file", "bomb.csv");
        // refused just after the 16 MiB floor, not after reading the 64 MiB entry
        assertThat(readBeforeRefusal[0]).isLessThan(IngestionProperties.RATIO_CHECK_FLOOR_BYTES + (1 << 20));
    }

    @Test
    void anArchiveWithoutTraceFilesIsEmpty() {
        assertThat(problemOf(() -> read(zip(Map.of("README", new byte[1])), IngestionProperties.defaults())))
                .containsEntry("type", "empty-file");
    }

    @Test
    void aGzipCompressedEntryIsReadExpandedUnderItsNameWithoutGz() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("azure/part-1.csv.gz", gzip("1\n2\n3\n".getBytes()));
        entries.put("azure/part-2.csv", "4\n".getBytes());
        assertThat(read(zip(entries), IngestionProperties.defaults()))
                .containsExactly("azure/part-1.csv=6", "azure/part-2.csv=2");
    }

    @Test
    void tarEntriesAreStreamedLikeZipEntriesAndOnlyRegularFilesRead() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("day/", null);
        entries.put("day/vm-1", "10\n20\n".getBytes());
        entries.put("day/README.txt", "about".getBytes());
        entries.put("day/vm-2.gz", gzip("5\n".getBytes()));
        assertThat(readTar(tar(entries), IngestionProperties.defaults()))
                .containsExactly("day/vm-1=6", "day/README.txt skipped: readme", "day/vm-2=2");
        assertThat(problemOf(() -> readTar(tar(Map.of("../up", new byte[1])), IngestionProperties.defaults())))
                .containsEntry("type", "unsafe-archive-path")
                .containsEntry("file", "../up");
        assertThat(problemOf(() -> readTar(tar(Map.of("only/", new byte[0])), IngestionProperties.defaults())))
                .containsEntry("type", "empty-file")
                .containsEntry("file", "u.tar");
    }

    @Test
    void refusesMoreFilesThanTheEntryCapInZipAndTar() {
        var limits = new IngestionProperties(null, null, 2, null, null, null, null);
        var three = new LinkedHashMap<String, byte[]>();
        for (String name : List.of("a", "b", "c")) three.put(name, "1\n".getBytes());
        assertThat(problemOf(() -> read(zip(three), limits)))
                .containsEntry("type", "too-many-files")
                .containsEntry("status", 413)
                .containsEntry("file", "u.zip");
        assertThat(problemOf(() -> readTar(tar(three), limits)))
                .containsEntry("type", "too-many-files")
                .containsEntry("file", "u.tar");
    }

    @Test
    void refusesDamagedArchivesAndEntryNamesThatAreNotUtf8() throws IOException {
        var entries = new LinkedHashMap<String, byte[]>();
        entries.put("README.md", "about".getBytes());
        entries.put("a.csv", "vm,timestamp,cpuMhz\n".getBytes());
        byte[] badCrc = zip(entries);
        // the README's data descriptor (after its data): a wrong CRC, found when the skipped entry is passed
        int descriptor = indexOf(badCrc, new byte[] {'P', 'K', 7, 8});
        badCrc[descriptor + 4] ^= 0x55;
        assertThat(problemOf(() -> read(badCrc, IngestionProperties.defaults())))
                .containsEntry("type", "bad-archive")
                .containsEntry("status", 422)
                .containsEntry("file", "u.zip")
                .extractingByKey("detail")
                .asString()
                .startsWith("The zip archive is damaged");

        ByteArrayOutputStream latin1 = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(latin1, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            out.putNextEntry(new ZipEntry("caf\u00e9.csv"));
            out.write("1\n".getBytes());
            out.closeEntry();
        }
        assertThat(problemOf(() -> read(latin1.toByteArray(), IngestionProperties.defaults())))
                .containsEntry("type", "bad-archive")
                .extractingByKey("detail")
                .asString()
                .contains("not valid UTF-8");

        byte[] badTar = tar(Map.of("a.csv", "1\n".getBytes()));
        badTar[148] = 'x'; // the header checksum
        badTar[149] = 'y';
        assertThat(problemOf(() -> readTar(badTar, IngestionProperties.defaults())))
                .containsEntry("type", "bad-archive")
                .extractingByKey("detail")
                .asString()
                .startsWith("The tar archive is damaged");
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i + part.length <= bytes.length; i++) {
            for (int j = 0; j < part.length; j++) if (bytes[i + j] != part[j]) continue outer;
            return i;
        }
        throw new AssertionError("not found");
    }

    @Test
    void aSingleCompressedFileIsCountedAgainstTheSizeCapByteByByte() {
        var limits = new IngestionProperties(10L, null, null, null, null, null, null);
        var entries = new ZipEntries(new ByteArrayInputStream(new byte[0]), "t.csv.gz", limits);
        assertThat(problemOf(() -> entries.single("t.csv", new ByteArrayInputStream(new byte[11]), (path, in) -> {
                    while (in.read() >= 0) {
                        // read one byte at a time
                    }
                })))
                .containsEntry("type", "zip-bomb")
                .containsEntry("file", "t.csv");
    }

    private static List<String> readTar(byte[] tar, IngestionProperties limits) throws IOException {
        List<String> seen = new ArrayList<>();
        var entries = new ZipEntries(new ByteArrayInputStream(tar), "u.tar", limits);
        entries.forEachTar(
                entries.raw(),
                (path, in) -> seen.add(path + "=" + in.readAllBytes().length),
                (path, rule) -> seen.add(path + " skipped: " + rule));
        return seen;
    }

    /** A tar of the entries; a null content makes a folder. */
    private static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                var entry = new org.apache.commons.compress.archivers.tar.TarArchiveEntry(e.getKey());
                if (e.getValue() != null) entry.setSize(e.getValue().length);
                out.putArchiveEntry(entry);
                if (e.getValue() != null) out.write(e.getValue());
                out.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(content);
        }
        return bytes.toByteArray();
    }
}
