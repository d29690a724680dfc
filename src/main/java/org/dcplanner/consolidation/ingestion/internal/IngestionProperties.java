package org.dcplanner.consolidation.ingestion.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits and rules of trace ingestion ({@code app.ingestion.*}); defaults in code.
 *
 * @param maxExpandedBytes    cap on the total bytes read out of one upload after unzipping (zip-bomb guard)
 * @param maxCompressionRatio cap on expanded bytes / archive bytes read so far, checked while streaming once 16 MiB were expanded
 * @param maxEntries          cap on the number of files in one archive
 * @param maxCarrySteps       gaps of at most this many grid steps inside a VM's span repeat the last value;
 *                            longer gaps count as zero demand
 * @param maxLineBytes        longest text line accepted (guards against binary files without newlines)
 * @param maxGridCells        cap on VMs x grid steps of one workload (memory guard; pass a coarser stepSeconds)
 * @param recogniseRepeats    true: an upload whose content and parameters equal a stored workload's answers with that
 *                            workload instead of storing it again
 */
@ConfigurationProperties("app.ingestion")
public record IngestionProperties(
        Long maxExpandedBytes,
        Integer maxCompressionRatio,
        Integer maxEntries,
        Integer maxCarrySteps,
        Integer maxLineBytes,
        Long maxGridCells,
        Boolean recogniseRepeats) {
    public static final long RATIO_CHECK_FLOOR_BYTES = 16L << 20;

    public IngestionProperties {
        if (maxExpandedBytes == null) maxExpandedBytes = 64L << 30;
        if (maxCompressionRatio == null) maxCompressionRatio = 200;
        if (maxEntries == null) maxEntries = 100_000;
        if (maxCarrySteps == null) maxCarrySteps = 3;
        if (maxLineBytes == null) maxLineBytes = 1 << 20;
        if (maxGridCells == null) maxGridCells = 1_000_000_000L;
        if (recogniseRepeats == null) recogniseRepeats = true;
    }

    public static IngestionProperties defaults() {
        return new IngestionProperties(null, null, null, null, null, null, null);
    }
}
