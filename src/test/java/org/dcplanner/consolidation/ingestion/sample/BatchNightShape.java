package org.dcplanner.consolidation.ingestion.sample;

/**
 * Nightly batch: near idle by day, one job per night starting around {@code startHour} (may be
 * past 24, i.e. after midnight) and running about {@code durationHours}; start and length vary
 * from night to night, and a few nights have no run.
 */
record BatchNightShape(long tierSeed, double startHour, double durationHours, double idle) implements DailyShape {
    private static final long START_KEY = 0x57a27L;
    private static final long LENGTH_KEY = 0x1e27L;
    private static final long SKIP_KEY = 0x5c1bL;
    private static final double SKIP_PROBABILITY = 0.05;
    private static final double RAMP_SECONDS = 600;

    @Override
    public double activityAt(double t) {
        long day = DailyShape.day(t);
        return Math.max(jobLevel(day - 1, t), jobLevel(day, t));
    }

    /** Activity at time t due to the job that belongs to the night starting on {@code night}. */
    private double jobLevel(long night, double t) {
        if (SeedMixer.unit(tierSeed ^ SKIP_KEY, night) < SKIP_PROBABILITY) return idle;
        double start = night * SECONDS_PER_DAY
                + (startHour + SeedMixer.unit(tierSeed ^ START_KEY, night) - 0.5) * SECONDS_PER_HOUR;
        double length = durationHours * (0.7 + 0.6 * SeedMixer.unit(tierSeed ^ LENGTH_KEY, night)) * SECONDS_PER_HOUR;
        if (t < start || t >= start + length) return idle;
        double ramp = Math.min(1, Math.min(t - start, start + length - t) / RAMP_SECONDS);
        return idle + (1 - idle) * ramp;
    }
}
