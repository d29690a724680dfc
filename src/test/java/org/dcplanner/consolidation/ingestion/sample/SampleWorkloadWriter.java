package org.dcplanner.consolidation.ingestion.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.ingestion.WorkloadVm;

/**
 * Writes the small sample workloads of {@code sample-workloads/} (one day at 300 s, from
 * {@link SyntheticWorkloads} with fixed seeds). Re-running gives byte-identical files.
 * <p>
 * Usage: {@code SampleWorkloadWriter [output-dir]} (default {@code sample-workloads}, relative to the
 * working directory). sample-workloads/README.md documents the files and formats.
 */
public final class SampleWorkloadWriter {
    static final int STEPS = 288;
    static final int STEP_SECONDS = 300;
    // seeds picked so that every sample holds all four workload classes in useful numbers
    static final long PLANETLAB_SEED = 24, BITBRAINS_SEED = 5, GENERIC_SEED = 17, MALFORMED_SEED = 13;
    /** The other formats' samples (Azure, Alibaba, Google, vCenter + RVTools, Prometheus) share one small workload. */
    static final long OTHER_FORMATS_SEED = 17;

    static final int OTHER_FORMATS_VMS = 12;
    static final int PLANETLAB_VMS = 40, BITBRAINS_VMS = 12, GENERIC_VMS = 60, MALFORMED_VMS = 4, MALFORMED_STEPS = 12;
    /** VM indexes of the PlanetLab sample whose file names contain a space. */
    static final int[] PLANETLAB_SPACED = {5, 23};
    /** The malformed example's bad cell: 1-based file line (header = line 1), column cpuMhz. */
    static final int MALFORMED_LINE = 19;

    static final String MALFORMED_CPU_TEXT = "1O24.5";

    private SampleWorkloadWriter() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "sample-workloads");
        for (var file : writeAll(dir).entrySet())
            System.out.printf("%-32s %,10d bytes%n", file.getKey(), file.getValue().length);
    }

    /** Writes every sample file into {@code dir} (created if needed); returns file name → content. */
    public static Map<String, byte[]> writeAll(Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, byte[]> files = sampleFiles();
        for (var file : files.entrySet()) Files.write(dir.resolve(file.getKey()), file.getValue());
        return files;
    }

    /** The generated files, in a fixed order (README.md is written by hand and not included). */
    static Map<String, byte[]> sampleFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        LoadedWorkload planetLab = day(PLANETLAB_SEED, PLANETLAB_VMS, STEPS, EnumSet.of(Metric.CPU));
        List<WorkloadVm> planetLabNames = PlanetLabFiles.renamed(planetLab, PLANETLAB_SPACED);
        files.put("planetlab-small.zip", PlanetLabFiles.zip(planetLab, planetLabNames));
        files.put("inventory-planetlab-small.csv", utf8(InventoryCsv.write(planetLabNames)));

        LoadedWorkload bitbrains = day(BITBRAINS_SEED, BITBRAINS_VMS, STEPS, EnumSet.allOf(Metric.class));
        files.put("bitbrains-small.zip", BitbrainsFiles.zip(bitbrains, BITBRAINS_SEED));

        LoadedWorkload generic = day(GENERIC_SEED, GENERIC_VMS, STEPS, EnumSet.allOf(Metric.class));
        files.put("generic-small.csv", utf8(GenericCsv.write(generic)));
        files.put("inventory-small.csv", utf8(InventoryCsv.write(generic.vms())));

        LoadedWorkload malformed = day(MALFORMED_SEED, MALFORMED_VMS, MALFORMED_STEPS, EnumSet.allOf(Metric.class));
        files.put(
                "malformed-example.csv",
                utf8(GenericCsv.writeWithBadCpu(malformed, MALFORMED_LINE, MALFORMED_CPU_TEXT)));

        LoadedWorkload other = day(OTHER_FORMATS_SEED, OTHER_FORMATS_VMS, STEPS, EnumSet.of(Metric.CPU, Metric.MEMORY));
        files.put("azure-small.zip", PublicFormatFiles.azure(other));
        files.put("alibaba-small.zip", PublicFormatFiles.alibaba(other));
        files.put("google-small.csv", utf8(PublicFormatFiles.google(other)));
        files.put("vcenter-small.csv.gz", PublicFormatFiles.gzip(utf8(PublicFormatFiles.vcenter(other))));
        files.put("aria-small.csv.gz", PublicFormatFiles.gzip(utf8(PublicFormatFiles.aria(other))));
        files.put("rvtools-small.xlsx", PublicFormatFiles.rvtools(other));
        files.put("prometheus-small.zip", PublicFormatFiles.prometheus(other));
        return files;
    }

    private static LoadedWorkload day(long seed, int vmCount, int steps, EnumSet<Metric> metrics) {
        return SyntheticWorkloads.generate(seed, vmCount, steps, STEP_SECONDS, metrics);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
