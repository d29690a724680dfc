package org.dcplanner.consolidation.ingestion.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;
import org.dcplanner.consolidation.ingestion.format.FormatDetector;
import org.dcplanner.consolidation.ingestion.format.InventoryParser;
import org.dcplanner.consolidation.ingestion.format.InventoryRow;
import org.dcplanner.consolidation.ingestion.format.ParsedTraces;
import org.dcplanner.consolidation.ingestion.source.FolderTraceSource;
import org.dcplanner.consolidation.ingestion.source.TextLines;
import org.dcplanner.consolidation.ingestion.source.TraceSource;
import org.dcplanner.consolidation.ingestion.source.UploadTraceSource;
import org.springframework.core.io.FileSystemResource;

/**
 * Loads a trace folder or zip the way an upload is ingested (the product's parsers, grid alignment and inventory
 * sizing), without a database: for benchmarks that plan in-process.
 */
public final class TraceFiles {
    private TraceFiles() {}

    /**
     * @param trace     a PlanetLab day folder or a Bitbrains zip
     * @param inventory an inventory CSV (vm,cpuMhz,memoryMib,cores), or null
     * @param start     time of line 1 for PlanetLab files (no timestamps), else ignored
     */
    public static LoadedWorkload load(
            Path trace, WorkloadFormat format, int stepSeconds, Path inventory, VmProfile profile, Instant start) {
        IngestionProperties limits = IngestionProperties.defaults();
        try {
            Map<String, InventoryRow> rows = Map.of();
            if (inventory != null) {
                try (InputStream in = Files.newInputStream(inventory)) {
                    rows = new InventoryParser()
                            .parse(new TextLines(in, inventory.getFileName().toString(), limits.maxLineBytes()));
                }
            }
            TraceSource source = Files.isDirectory(trace)
                    ? new FolderTraceSource(trace)
                    : new UploadTraceSource(
                            new FileSystemResource(trace), trace.getFileName().toString(), limits);
            ParsedTraces parsed = new ParsedTraces(stepSeconds, limits.maxGridCells());
            var parser = FormatDetector.parserFor(format, source.name(), start);
            source.forEachFile(
                    (path, content) -> parser.parse(path, new TextLines(content, path, limits.maxLineBytes()), parsed));
            AssembledWorkload a = new WorkloadAssembler(limits).assemble(parsed, rows, profile);
            // the assembler hands out one VM's series at a time; a test workload holds them all
            Map<Metric, float[][]> series = new java.util.EnumMap<>(Metric.class);
            for (Metric m : a.measured()) {
                float[][] byVm = new float[a.vms().size()][];
                for (int vm = 0; vm < byVm.length; vm++) byVm[vm] = a.series().of(m, vm);
                series.put(m, byVm);
            }
            return new LoadedWorkload(UUID.randomUUID(), source.name(), a.grid(), a.vms(), series);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same workload restricted to the named VMs, in the order given (names missing from it are skipped). */
    public static LoadedWorkload only(LoadedWorkload w, List<String> names) {
        Map<String, Integer> index = new java.util.HashMap<>();
        for (WorkloadVm vm : w.vms()) index.put(vm.name(), vm.index());
        List<Integer> keep =
                names.stream().filter(index::containsKey).map(index::get).toList();
        List<WorkloadVm> vms = new java.util.ArrayList<>();
        for (int i = 0; i < keep.size(); i++) {
            WorkloadVm v = w.vms().get(keep.get(i));
            vms.add(v.withIndex(i));
        }
        Map<Metric, float[][]> series = new java.util.EnumMap<>(Metric.class);
        w.series().forEach((m, s) -> series.put(m, keep.stream().map(i -> s[i]).toArray(float[][]::new)));
        return new LoadedWorkload(w.id(), w.name(), w.grid(), vms, series);
    }
}
