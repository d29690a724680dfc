package org.dcplanner.consolidation.ingestion.sample;

/**
 * Compute (simulation, analytics): no daily rhythm; the tier's job queue is busy or idle in blocks
 * of {@code blockSeconds} (busy with probability {@code busyShare}). Each VM also has its own
 * blocks ({@code vmSeed}), weighted by {@code ownShare}, so members are correlated but not equal.
 */
record ComputeBlockShape(
        long tierSeed, long vmSeed, double blockSeconds, double busyShare, double ownShare, double idle)
        implements DailyShape {
    /** Busy below full activity, so per-VM intensity and noise still show above it. */
    private static final double BUSY = 0.85;

    @Override
    public double activityAt(double t) {
        long block = (long) Math.floor(t / blockSeconds);
        double tier = SeedMixer.unit(tierSeed, block) < busyShare ? BUSY : idle;
        double own = SeedMixer.unit(vmSeed, block) < busyShare ? BUSY : idle;
        return (1 - ownShare) * tier + ownShare * own;
    }
}
