package org.dcplanner.consolidation.ingestion.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.dcplanner.consolidation.ingestion.WorkloadClass;
import org.dcplanner.consolidation.ingestion.WorkloadVm;

/**
 * Splits N VMs into tiers (applications) of one workload class each and sizes them. Tiers are drawn
 * one after another from one seeded stream, so the first tiers of a larger workload equal those of a
 * smaller one with the same seed. Replicated tiers (web, database with 2+ members) get an
 * anti-affinity group named after the tier.
 */
final class TierPlanner {
    private static final int[] PER_CORE_MHZ = {2200, 2600, 2900};

    /** One tier before its members are created. */
    private record Tier(
            WorkloadClass workloadClass,
            String prefix,
            int members,
            int cores,
            int memoryMib,
            String guestOs,
            boolean paravirtCapable,
            boolean replicated,
            DemandLevels levels,
            double phaseJitterSeconds,
            LongFunction<DailyShape> shapeForVm) {}

    private TierPlanner() {}

    static List<SyntheticVm> plan(long seed, int vmCount) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<SyntheticVm> vms = new ArrayList<>(vmCount);
        for (int tierNo = 1; vms.size() < vmCount; tierNo++) {
            long tierSeed = SeedMixer.derive(seed, tierNo);
            Tier tier = drawTier(rng, tierSeed);
            int members = Math.min(tier.members(), vmCount - vms.size());
            String tierName = String.format("%s-%04d", tier.prefix(), tierNo);
            String group = tier.replicated() && members >= 2 ? tierName : null;
            double perCoreMhz = PER_CORE_MHZ[rng.nextInt(PER_CORE_MHZ.length)];
            for (int m = 1; m <= members; m++) {
                long vmSeed = SeedMixer.derive(tierSeed, m);
                WorkloadVm vm = new WorkloadVm(
                        vms.size(),
                        tierName + "-" + m,
                        tier.cores(),
                        tier.cores() * perCoreMhz,
                        tier.memoryMib(),
                        tier.guestOs(),
                        tier.paravirtCapable(),
                        tier.workloadClass(),
                        group,
                        null);
                double phase = rng.nextDouble(-1, 1) * tier.phaseJitterSeconds();
                vms.add(new SyntheticVm(
                        vm, tier.shapeForVm().apply(vmSeed), tier.levels(), phase, rng.nextDouble(0.85, 1.15), vmSeed));
            }
        }
        return vms;
    }

    /** Tier mix by count: 35 % web, 15 % database, 25 % batch, 25 % compute. */
    private static Tier drawTier(SplittableRandom rng, long tierSeed) {
        double pick = rng.nextDouble();
        if (pick < 0.35) return webTier(rng, tierSeed);
        if (pick < 0.50) return databaseTier(rng, tierSeed);
        if (pick < 0.75) return batchTier(rng, tierSeed);
        return computeTier(rng, tierSeed);
    }

    private static Tier webTier(SplittableRandom rng, long tierSeed) {
        String os = rng.nextDouble() < 0.15 ? "windows" : "linux";
        var levels = new DemandLevels(
                0.03,
                rng.nextDouble(0.45, 0.8),
                rng.nextDouble(0.35, 0.5),
                0.15,
                rng.nextDouble(20, 80),
                rng.nextDouble(200, 1500),
                0,
                rng.nextDouble(50, 200),
                rng.nextDouble(2000, 12000),
                0.06);
        var shape = new WebDailyShape(
                tierSeed,
                rng.nextDouble(11, 17),
                1 + rng.nextInt(3),
                rng.nextDouble(0.05, 0.15),
                rng.nextDouble(0.5, 0.8));
        return new Tier(
                WorkloadClass.WEB,
                "web",
                2 + rng.nextInt(5),
                pick(rng, 2, 4),
                pick(rng, 4096, 8192),
                os,
                paravirt(rng, os),
                true,
                levels,
                600,
                vmSeed -> shape);
    }

    private static Tier databaseTier(SplittableRandom rng, long tierSeed) {
        String os = rng.nextDouble() < 0.3 ? "windows" : "linux";
        var levels = new DemandLevels(
                0.05,
                rng.nextDouble(0.3, 0.55),
                rng.nextDouble(0.75, 0.9),
                0.05,
                rng.nextDouble(300, 1500),
                rng.nextDouble(1500, 8000),
                rng.nextDouble(20_000, 60_000),
                rng.nextDouble(200, 800),
                rng.nextDouble(1000, 6000),
                0.04);
        var shape = new DatabaseSteadyShape(
                tierSeed,
                rng.nextDouble(11, 17),
                rng.nextDouble(0.45, 0.6),
                rng.nextDouble(0.25, 0.4),
                rng.nextDouble(0.5, 4),
                rng.nextDouble(40, 100));
        return new Tier(
                WorkloadClass.DATABASE,
                "db",
                1 + rng.nextInt(3),
                pick(rng, 4, 8, 16),
                pick(rng, 16384, 32768, 65536),
                os,
                paravirt(rng, os),
                true,
                levels,
                300,
                vmSeed -> shape);
    }

    private static Tier batchTier(SplittableRandom rng, long tierSeed) {
        String os = rng.nextDouble() < 0.1 ? "windows" : "linux";
        var levels = new DemandLevels(
                0.02,
                rng.nextDouble(0.7, 0.95),
                rng.nextDouble(0.15, 0.25),
                0.45,
                rng.nextDouble(5, 30),
                rng.nextDouble(5000, 40_000),
                0,
                rng.nextDouble(5, 20),
                rng.nextDouble(1000, 8000),
                0.04);
        var shape = new BatchNightShape(tierSeed, rng.nextDouble(21, 27), rng.nextDouble(1.5, 5), 0.03);
        return new Tier(
                WorkloadClass.BATCH_IO,
                "batch",
                1 + rng.nextInt(5),
                pick(rng, 2, 4, 8),
                pick(rng, 8192, 16384),
                os,
                paravirt(rng, os),
                false,
                levels,
                1200,
                vmSeed -> shape);
    }

    private static Tier computeTier(SplittableRandom rng, long tierSeed) {
        var levels = new DemandLevels(
                0.02,
                rng.nextDouble(0.8, 0.97),
                rng.nextDouble(0.3, 0.45),
                0.35,
                rng.nextDouble(10, 50),
                rng.nextDouble(100, 800),
                0,
                rng.nextDouble(5, 30),
                rng.nextDouble(50, 500),
                0.05);
        double blockSeconds = rng.nextDouble(2, 6) * DailyShape.SECONDS_PER_HOUR;
        double busyShare = rng.nextDouble(0.3, 0.7);
        return new Tier(
                WorkloadClass.COMPUTE,
                "compute",
                1 + rng.nextInt(4),
                pick(rng, 4, 8, 16),
                pick(rng, 8192, 16384, 32768),
                "linux",
                paravirt(rng, "linux"),
                false,
                levels,
                900,
                vmSeed -> new ComputeBlockShape(tierSeed, vmSeed, blockSeconds, busyShare, 0.3, 0.05));
    }

    private static int pick(SplittableRandom rng, int... choices) {
        return choices[rng.nextInt(choices.length)];
    }

    /** Most Linux guests run paravirtualized kernels; the Windows guests here do not. */
    private static boolean paravirt(SplittableRandom rng, String os) {
        return os.equals("linux") && rng.nextDouble() < 0.85;
    }
}
