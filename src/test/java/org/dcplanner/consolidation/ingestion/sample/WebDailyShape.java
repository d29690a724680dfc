package org.dcplanner.consolidation.ingestion.sample;

/**
 * Interactive web tier: a daytime peak around {@code peakHour}, a night trough, quieter weekends,
 * day-to-day volume changes and rare one-hour flash crowds.
 *
 * @param sharpness 1..3: higher makes the peak narrower (the daily wave raised to this power)
 */
record WebDailyShape(long tierSeed, double peakHour, int sharpness, double trough, double weekendFactor)
        implements DailyShape {
    private static final long FLASH_KEY = 0x5f1a5L;
    private static final double FLASH_PROBABILITY_PER_HOUR = 0.01;

    @Override
    public double activityAt(double t) {
        long day = DailyShape.day(t);
        double wave = DailyShape.dailyWave(DailyShape.hourOfDay(t), peakHour);
        double shape = wave;
        for (int p = 1; p < sharpness; p++) shape *= wave;
        long hour = (long) Math.floor(t / SECONDS_PER_HOUR);
        if (SeedMixer.unit(tierSeed ^ FLASH_KEY, hour) < FLASH_PROBABILITY_PER_HOUR) shape += 0.4;
        double volume = 0.85 + 0.3 * SeedMixer.unit(tierSeed, day);
        if (DailyShape.isWeekend(day)) volume *= weekendFactor;
        return trough + (1 - trough) * shape * volume;
    }
}
