package org.dcplanner.consolidation.ingestion.format;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dcplanner.consolidation.ingestion.WorkloadFormat;

/** Recognizes a trace format from the first line of its first file. */
public final class FormatDetector {
    private static final Pattern NUMBER = Pattern.compile("\\s*-?\\d+(\\.\\d+)?\\s*");
    private static final Pattern CSV_HEADER = Pattern.compile("(?i)\\s*\"?vm\"?\\s*[,;\\t|].*");

    private FormatDetector() {}

    public static Optional<WorkloadFormat> detect(String firstLine) {
        if (firstLine.stripLeading().startsWith("Timestamp")) {
            return Optional.of(WorkloadFormat.BITBRAINS);
        }
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
        };
    }
}
