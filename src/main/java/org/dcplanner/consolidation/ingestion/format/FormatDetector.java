package org.dcplanner.consolidation.ingestion.format;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dcplanner.consolidation.ingestion.internal.WorkloadFormat;

/** Recognizes a trace format from the first line of its first file. */
public final class FormatDetector {
    private static final Pattern NUMBER = Pattern.compile("\\s*-?\\d+(\\.\\d+)?\\s*");
    private static final Pattern CSV_HEADER = Pattern.compile("(?i)\\s*\"?vm\"?\\s*[,;\\t|].*");

    private static final Pattern AZURE_READING = Pattern.compile("\\d+,[^,]+,[\\d.]+,[\\d.]+,[\\d.]+");
    private static final Pattern ALIBABA_ROW = Pattern.compile("[cm]_\\d+,.*");
    private static final Pattern ALIBABA_FILE = Pattern.compile("(container|machine)_(usage|meta)");

    private FormatDetector() {}

    public static Optional<WorkloadFormat> detect(String firstLine) {
        return detect(null, firstLine);
    }

    /**
     * The format told by the file's path (the public traces' published file names) or its first line.
     *
     * @param path the file's path inside the upload, or null
     */
    public static Optional<WorkloadFormat> detect(String path, String firstLine) {
        String name = path == null ? "" : path.toLowerCase(Locale.ROOT);
        if (name.contains("vm_cpu_readings") || name.contains("vmtable")) return Optional.of(WorkloadFormat.AZURE);
        if (ALIBABA_FILE.matcher(name).find()) return Optional.of(WorkloadFormat.ALIBABA);
        String lower = firstLine.toLowerCase(Locale.ROOT);
        if (firstLine.stripLeading().startsWith("Timestamp")) {
            return Optional.of(WorkloadFormat.BITBRAINS);
        }
        if (AriaParser.isAriaHeader(firstLine)
                || lower.startsWith("#type") && (lower.contains("omstat") || lower.contains("vrops"))) {
            return Optional.of(WorkloadFormat.ARIA);
        }
        if (lower.startsWith("#type") || (lower.contains("metricid") && lower.contains("entity"))) {
            return Optional.of(WorkloadFormat.VCENTER);
        }
        if (lower.contains("collection_id") && lower.contains("instance_index"))
            return Optional.of(WorkloadFormat.GOOGLE);
        if (AZURE_READING.matcher(firstLine).matches()) return Optional.of(WorkloadFormat.AZURE);
        if (ALIBABA_ROW.matcher(firstLine).matches()) return Optional.of(WorkloadFormat.ALIBABA);
        if (RvToolsReader.isRvTools(path, firstLine)) return Optional.of(WorkloadFormat.RVTOOLS);
        if (CSV_HEADER.matcher(firstLine).matches()) return Optional.of(WorkloadFormat.CSV);
        if (NUMBER.matcher(firstLine).matches()) return Optional.of(WorkloadFormat.PLANETLAB);
        return Optional.empty();
    }

    /** @param start time of line 1 for formats without timestamps, or null */
    public static TraceParser parserFor(WorkloadFormat format, String uploadName, Instant start) {
        return switch (format) {
            case PLANETLAB -> new PlanetLabParser(uploadName, start);
            case BITBRAINS -> new BitbrainsParser();
            case CSV -> new LongCsvParser();
            case VCENTER -> new VcenterParser();
            case ARIA -> new AriaParser();
            case PROMETHEUS -> new PrometheusParser();
            case AZURE -> new AzureParser(start);
            case ALIBABA -> new AlibabaParser(start);
            case GOOGLE -> new GoogleParser(start);
            case RVTOOLS -> throw new IllegalArgumentException("an RVTools export is read whole (RvToolsSnapshot)");
        };
    }
}
