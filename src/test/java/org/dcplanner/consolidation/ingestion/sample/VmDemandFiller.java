package org.dcplanner.consolidation.ingestion.sample;

import java.util.SplittableRandom;
import org.dcplanner.consolidation.ingestion.TimeGrid;

/**
 * Turns one VM's shape into its demand rows: activity = shape × intensity + autocorrelated noise
 * (AR(1), clamped to [0, 1]); CPU follows activity, memory follows it smoothed over an hour, disk and
 * network follow it with independent per-step noise. Each resource draws from its own seeded stream,
 * so a VM's CPU series is the same whichever other metrics are generated. O(steps) per VM.
 */
final class VmDemandFiller {
    private static final double NOISE_CORRELATION_SECONDS = 900;
    private static final double MEMORY_SMOOTHING_SECONDS = 3600;
    private static final double IO_NOISE_SD = 0.25;
    private static final double MAX_MEMORY_SHARE = 0.98;
    private static final long ACTIVITY_STREAM = 1, DISK_STREAM = 2, NETWORK_STREAM = 3;

    private final TimeGrid grid;

    VmDemandFiller(TimeGrid grid) {
        this.grid = grid;
    }

    /** Fills the given rows (each null when that metric is not wanted) for one VM. */
    void fill(SyntheticVm vm, float[] cpuMhz, float[] memoryMib, float[] diskKBps, float[] networkKBps) {
        float[] activity = activity(vm);
        DemandLevels l = vm.levels();
        if (cpuMhz != null) {
            double capacity = vm.vm().cpuMhz();
            for (int k = 0; k < activity.length; k++)
                cpuMhz[k] =
                        (float) (capacity * (l.cpuIdleShare() + (l.cpuPeakShare() - l.cpuIdleShare()) * activity[k]));
        }
        if (memoryMib != null) fillMemory(vm, activity, memoryMib);
        if (diskKBps != null) {
            float[] burst = new float[activity.length];
            vm.shape().fillIoBurst(firstSeconds(vm), grid.stepSeconds(), burst);
            var rng = new SplittableRandom(SeedMixer.derive(vm.noiseSeed(), DISK_STREAM));
            for (int k = 0; k < activity.length; k++) {
                double level = l.diskBaseKBps()
                        + (l.diskPeakKBps() - l.diskBaseKBps()) * activity[k]
                        + l.diskBurstKBps() * burst[k];
                diskKBps[k] = (float) (level * ioNoise(rng));
            }
        }
        if (networkKBps != null) {
            var rng = new SplittableRandom(SeedMixer.derive(vm.noiseSeed(), NETWORK_STREAM));
            for (int k = 0; k < activity.length; k++) {
                double level = l.networkBaseKBps() + (l.networkPeakKBps() - l.networkBaseKBps()) * activity[k];
                networkKBps[k] = (float) (level * ioNoise(rng));
            }
        }
    }

    /** Step k is sampled at its midpoint, shifted by the VM's phase offset. */
    private double firstSeconds(SyntheticVm vm) {
        return grid.start().getEpochSecond() + grid.stepSeconds() / 2.0 + vm.phaseSeconds();
    }

    private float[] activity(SyntheticVm vm) {
        float[] a = new float[grid.steps()];
        vm.shape().fillActivity(firstSeconds(vm), grid.stepSeconds(), a);
        var rng = new SplittableRandom(SeedMixer.derive(vm.noiseSeed(), ACTIVITY_STREAM));
        double sd = vm.levels().noiseSd();
        double phi = Math.exp(-grid.stepSeconds() / NOISE_CORRELATION_SECONDS);
        double innovation = Math.sqrt(1 - phi * phi) * sd;
        double noise = rng.nextGaussian() * sd;
        for (int k = 0; k < a.length; k++) {
            noise = phi * noise + innovation * rng.nextGaussian();
            a[k] = (float) Math.min(1, Math.max(0, a[k] * vm.intensity() + noise));
        }
        return a;
    }

    private void fillMemory(SyntheticVm vm, float[] activity, float[] memoryMib) {
        DemandLevels l = vm.levels();
        double alpha = 1 - Math.exp(-grid.stepSeconds() / MEMORY_SMOOTHING_SECONDS);
        double smoothed = activity[0];
        for (int k = 0; k < activity.length; k++) {
            smoothed += alpha * (activity[k] - smoothed);
            double share = Math.min(MAX_MEMORY_SHARE, l.memoryBaseShare() + l.memorySwingShare() * smoothed);
            memoryMib[k] = (float) (vm.vm().memoryMib() * share);
        }
    }

    private static double ioNoise(SplittableRandom rng) {
        return Math.max(0, 1 + IO_NOISE_SD * rng.nextGaussian());
    }
}
