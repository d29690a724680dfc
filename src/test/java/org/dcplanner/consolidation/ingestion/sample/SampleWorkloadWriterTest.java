package org.dcplanner.consolidation.ingestion.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dcplanner.consolidation.TraceFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWorkloadWriterTest {
    /** The committed samples, relative to the project directory (Surefire's working directory). */
    private static final Path COMMITTED = Path.of("sample-workloads");

    @Test
    void committedSamplesEqualWhatTheGeneratorWritesNow(@TempDir Path dir) throws IOException {
        Map<String, byte[]> written = SampleWorkloadWriter.writeAll(dir);
        assertThat(written).isNotEmpty();
        for (String name : written.keySet()) {
            byte[] now = Files.readAllBytes(dir.resolve(name));
            byte[] committed = Files.readAllBytes(COMMITTED.resolve(name));
            if (name.endsWith(".zip") || name.endsWith(".xlsx")) {
                // entries (names, order, timestamps, contents) must match; raw deflate bytes may vary with the JDK's
                // zlib
                assertThat(zipEntries(now)).as(name).isEqualTo(zipEntries(committed));
            } else if (name.endsWith(".gz")) {
                assertThat(gunzip(now)).as(name).isEqualTo(gunzip(committed));
            } else {
                assertThat(new String(now, StandardCharsets.UTF_8))
                        .as(name)
                        .isEqualTo(new String(committed, StandardCharsets.UTF_8));
            }
        }
        String readme = Files.readString(COMMITTED.resolve("README.md"));
        assertThat(readme).contains(written.keySet());
    }

    @Test
    void regeneratingGivesByteIdenticalFiles() {
        Map<String, byte[]> first = SampleWorkloadWriter.sampleFiles();
        Map<String, byte[]> second = SampleWorkloadWriter.sampleFiles();
        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        first.forEach((name, bytes) -> assertThat(second.get(name)).as(name).isEqualTo(bytes));
        long total = first.values().stream().mapToLong(b -> b.length).sum();
        assertThat(total).isLessThan(2_000_000);
    }

    @Test
    void planetLabSampleHas288IntegerPercentLinesPerFileAndSpacedNames() throws IOException {
        Map<String, String> files =
                zipEntries(SampleWorkloadWriter.sampleFiles().get("planetlab-small.zip"));
        assertThat(files).hasSize(SampleWorkloadWriter.PLANETLAB_VMS);
        assertThat(files.keySet().stream().filter(n -> n.contains(" ")))
                .hasSize(SampleWorkloadWriter.PLANETLAB_SPACED.length);
        files.forEach((name, text) -> {
            assertThat(text).as(name).endsWith("\n").doesNotContain("\r");
            String[] lines = text.split("\n");
            assertThat(lines).as(name).hasSize(288);
            for (String line : lines) assertThat(line).as(name).matches("\\d{1,3}");
            assertThat(java.util.Arrays.stream(lines)
                            .mapToInt(Integer::parseInt)
                            .max()
                            .orElseThrow())
                    .isLessThanOrEqualTo(100);
        });
        String inventory = new String(
                SampleWorkloadWriter.sampleFiles().get("inventory-planetlab-small.csv"), StandardCharsets.UTF_8);
        List<String> inventoryVms =
                inventory.lines().skip(1).map(l -> l.split(",")[0]).toList();
        assertThat(inventoryVms).containsExactlyElementsOf(files.keySet());
    }

    @Test
    void bitbrainsSampleUsesTheRealHeaderSeparatorAndTimestamps() throws IOException {
        Map<String, String> files =
                zipEntries(SampleWorkloadWriter.sampleFiles().get("bitbrains-small.zip"));
        assertThat(files)
                .hasSize(SampleWorkloadWriter.BITBRAINS_VMS)
                .containsKey("1.csv")
                .containsKey("12.csv");
        for (var file : files.entrySet()) {
            List<String> lines = file.getValue().lines().toList();
            assertThat(lines.get(0)).isEqualTo(BitbrainsFiles.HEADER);
            assertThat(lines).hasSize(1 + 288);
            long previous = -1;
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(";\t", -1);
                assertThat(cells).as(file.getKey()).hasSize(11);
                long timestamp = Long.parseLong(cells[0]);
                if (previous >= 0) assertThat(timestamp - previous).isEqualTo(300);
                previous = timestamp;
                double capacity = Double.parseDouble(cells[2]), usage = Double.parseDouble(cells[3]);
                assertThat(usage).isBetween(0.0, capacity);
                assertThat(Double.parseDouble(cells[4]))
                        .isCloseTo(100 * usage / capacity, org.assertj.core.data.Offset.offset(1e-3));
                for (String cell : cells) assertThat(Double.parseDouble(cell)).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void bitbrainsHeaderIsExactlyTheRealTracesHeader() throws IOException {
        Path real = TraceFiles.require("bitbrains-rnd/2013-7/1.csv");
        try (var lines = Files.lines(real)) {
            assertThat(BitbrainsFiles.HEADER).isEqualTo(lines.findFirst().orElseThrow());
        }
    }

    @Test
    void genericSampleHasOneRowPerVmPerTimestampAndMatchingInventory() {
        Map<String, byte[]> files = SampleWorkloadWriter.sampleFiles();
        List<String> rows = new String(files.get("generic-small.csv"), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(rows.get(0)).isEqualTo("vm,timestamp,cpuMhz,memoryMib,diskKBps,networkKBps");
        assertThat(rows).hasSize(1 + SampleWorkloadWriter.GENERIC_VMS * 288);
        assertThat(rows.get(1)).matches("[a-z]+-\\d{4}-\\d+,2026-01-05T00:00:00Z(,\\d+\\.\\d){4}");
        assertThat(rows.get(rows.size() - 1)).contains(",2026-01-05T23:55:00Z,");
        List<String> inventory = new String(files.get("inventory-small.csv"), StandardCharsets.UTF_8)
                .lines()
                .toList();
        assertThat(inventory.get(0)).isEqualTo(InventoryCsv.HEADER);
        List<String> traceVms =
                rows.stream().skip(1).map(r -> r.split(",")[0]).distinct().toList();
        assertThat(inventory.stream().skip(1).map(l -> l.split(",")[0]).toList())
                .containsExactlyElementsOf(traceVms);
        for (String line : inventory.subList(1, inventory.size()))
            assertThat(line)
                    .matches("[^,]+,\\d+,\\d+,\\d+,(linux|windows),(yes|no),(compute|web|database|batch_io),[^,]*");
    }

    @Test
    void malformedExampleHasExactlyOneBadValueOnTheDocumentedLine() {
        List<String> lines = new String(
                        SampleWorkloadWriter.sampleFiles().get("malformed-example.csv"), StandardCharsets.UTF_8)
                .lines()
                .toList();
        List<Integer> badLines = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            for (int c = 2; c < cells.length; c++) if (!cells[c].matches("\\d+\\.\\d")) badLines.add(i + 1);
        }
        assertThat(badLines).containsExactly(SampleWorkloadWriter.MALFORMED_LINE);
        assertThat(lines.get(SampleWorkloadWriter.MALFORMED_LINE - 1).split(",")[2])
                .isEqualTo(SampleWorkloadWriter.MALFORMED_CPU_TEXT);
    }

    private static Map<String, String> zipEntries(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                String key = e.getName();
                assertThat(e.getTimeLocal()).as(key).isEqualTo(DeterministicZip.ENTRY_TIME);
                entries.put(key, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
        }
        return entries;
    }

    private static String gunzip(byte[] gz) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
