package org.dcplanner.consolidation.planning.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.dcplanner.consolidation.ingestion.LoadedWorkload;
import org.dcplanner.consolidation.ingestion.Metric;
import org.dcplanner.consolidation.planning.TestWorkloads;
import org.dcplanner.consolidation.virtualization.VirtualizationApproach;
import org.dcplanner.consolidation.virtualization.VirtualizationOverheadModel;
import org.junit.jupiter.api.Test;

class OverloadRiskModelTest {
    private static final List<Metric> CPU = List.of(Metric.CPU);
    private static final VirtualizationOverheadModel IN_TRACE = VirtualizationOverheadModel.withDefaults();

    private static OverloadRiskModel model(LoadedWorkload w) {
        return OverloadRiskModel.of(w, CPU, 0, VirtualizationApproach.FULL, IN_TRACE.withoutApproachOverhead());
    }

    @Test
    void scenarioStatisticsAreTheMeanAndDeviationOfTheHourAroundEachStep() {
        float[] mu = new float[5];
        float[] sd = new float[5];
        OverloadRiskModel.scenarioStats(new float[] {0, 2, 4, 6, 8}, new int[] {0, 1, 2, 3, 4}, 5, false, 3, mu, sd);
        assertThat(mu).containsExactly(1f, 2f, 4f, 6f, 7f);
        assertThat(sd[2]).isCloseTo((float) Math.sqrt(8 / 3.0), within(1e-5f));
        assertThat(sd[0]).isCloseTo(1f, within(1e-6f));
    }

    @Test
    void foldedScenariosPoolEveryDayAtTheSameTimeOfDay() {
        // two days of 4 steps (6 h each): day 1 = 0,0,0,0; day 2 = 10,10,10,10 -> each slot has mean 5, sd 5
        float[] mu = new float[4];
        float[] sd = new float[4];
        OverloadRiskModel.scenarioStats(
                new float[] {0, 0, 0, 0, 10, 10, 10, 10}, new int[] {0, 1, 2, 3, 0, 1, 2, 3}, 4, true, 1, mu, sd);
        assertThat(mu).containsExactly(5f, 5f, 5f, 5f);
        assertThat(sd).containsExactly(5f, 5f, 5f, 5f);
    }

    @Test
    void correlationIsOneForIdenticalDeviationsAndNearZeroForIndependentOnes() {
        Random random = new Random(3);
        int steps = 2000;
        float[][] same = new float[3][steps];
        float[][] independent = new float[3][steps];
        for (int t = 0; t < steps; t++) {
            float shared = (float) random.nextGaussian();
            for (int vm = 0; vm < 3; vm++) {
                same[vm][t] = 100 + 10 * shared;
                independent[vm][t] = (float) (100 + 10 * random.nextGaussian());
            }
        }
        int[] identity = java.util.stream.IntStream.range(0, steps).toArray();
        float[][] flat = new float[3][steps];
        for (float[] f : flat) java.util.Arrays.fill(f, 100);
        assertThat(OverloadRiskModel.deviationCorrelation(same, identity, flat)).isCloseTo(1, within(1e-3));
        assertThat(OverloadRiskModel.deviationCorrelation(independent, identity, flat))
                .isCloseTo(0, within(0.05));
    }

    @Test
    void theEffectiveDemandImpliesTheJointConditionOnEveryHost() {
        // any set of VMs whose effective demands fit the derated capacity has mean + z·sd within the capacity
        Random random = new Random(11);
        float[][] cpu = new float[40][288];
        for (float[] s : cpu) {
            double level = 200 + random.nextInt(800);
            for (int t = 0; t < s.length; t++) {
                // a level that drifts over the day (so the level-shift terms are not zero) plus noise
                double drift = 1 + 0.2 * Math.sin(t * 2 * Math.PI / 288);
                s[t] = (float) Math.max(0, level * drift + 0.3 * level * random.nextGaussian());
            }
        }
        OverloadRiskModel m = model(TestWorkloads.cpu(cpu));
        assertThat(m.levelStd(0, 0, 0)).isPositive();
        double capacity = 5320;
        double z = 3;
        OverloadRiskModel.Packing p = m.packingDemand(z, new double[] {capacity});
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + random.nextInt(12);
            int[] vms = random.ints(0, 40).distinct().limit(k).toArray();
            for (int t = 0; t < m.steps(); t++) {
                double effective = 0;
                double mean = 0;
                double s1 = 0;
                double s2 = 0;
                double l1 = 0;
                double l2 = 0;
                for (int vm : vms) {
                    effective += p.demand()[0][vm][t];
                    mean += m.meanDemand()[0][vm][t];
                    double sd = m.std(0, vm, t);
                    s1 += sd;
                    s2 += sd * sd;
                    double level = m.levelStd(0, vm, t);
                    l1 += level;
                    l2 += level * level;
                }
                if (effective > capacity - p.derating()[0]) continue;
                double hostSd = Math.sqrt(m.hostVariance(0, s1, s2, l1, l2));
                assertThat(mean + z * hostSd).isLessThanOrEqualTo(capacity + 1e-3);
            }
        }
    }

    @Test
    void levelShiftIsTheSpreadOfTheSixHourBlockMeansWithTheirCorrelation() {
        // one day, two VMs that both run at 1,000 MHz for 12 h and 3,000 MHz for 12 h: block means 1,000 and 3,000,
        // sd 1,000 each, moving together (correlation 1); flat within each hour, so no scenario deviation
        float[][] cpu = new float[2][288];
        for (float[] s : cpu) {
            for (int t = 0; t < 288; t++) s[t] = t < 144 ? 1000 : 3000;
        }
        OverloadRiskModel m = model(TestWorkloads.cpu(cpu));
        assertThat(m.folded()).isFalse();
        assertThat(m.levelStd(0, 0, 10)).isCloseTo(1000, within(1e-3));
        assertThat(m.std(0, 0, 10)).isZero();
        assertThat(m.levelCorrelation(0)).isCloseTo(1, within(1e-6));
        // both on one host: sd of the host's level = 2,000 MHz
        assertThat(m.hostVariance(0, 0, 0, 2000, 2 * 1000 * 1000)).isCloseTo(2000.0 * 2000, within(1e-3));
        // a constant VM has no level shift
        assertThat(model(TestWorkloads.cpu(constant(4000, 288))).levelStd(0, 0, 0))
                .isZero();
    }

    @Test
    void foldedHistoryMovesTheDayToDaySpreadIntoTheLevelShift() {
        // two days: 1,000 MHz all day, then 3,000 MHz all day -> every slot's scenario sd (1,000) is the level's
        float[] cpu = new float[576];
        for (int t = 0; t < cpu.length; t++) cpu[t] = t < 288 ? 1000 : 3000;
        OverloadRiskModel m = model(TestWorkloads.cpu(cpu));
        assertThat(m.folded()).isTrue();
        assertThat(m.levelStd(0, 0, 100)).isCloseTo(1000, within(1e-3));
        assertThat(m.std(0, 0, 100)).isCloseTo(0, within(1e-2));
    }

    @Test
    void theEstimateIsTheAverageTailProbabilityOfTheActiveHostSteps() {
        // one VM on one host, constant 4,000 MHz: never over a 5,320 MHz host
        OverloadRiskModel flat = model(TestWorkloads.cpu(constant(4000, 288)));
        assertThat(flat.estimatePercent(new int[] {0}, new double[][] {{5320, 5320}}))
                .isZero();
        // a VM alternating 0 / 4,000 MHz (its vCPU size) in the hour window: mean 2,000, sd 2,000
        float[] alternating = new float[288];
        for (int t = 0; t < alternating.length; t++) alternating[t] = t % 2 == 0 ? 0 : 4000;
        OverloadRiskModel m = model(TestWorkloads.cpu(alternating));
        double expected = 100 * OverloadRiskModel.overProbability(2000, 2000, 3000);
        assertThat(expected).isGreaterThan(10);
        assertThat(m.estimatePercent(new int[] {0}, new double[][] {{3000}})).isCloseTo(expected, within(0.5));
        assertThat(OverloadRiskModel.overProbability(100, 0, 50)).isEqualTo(1);
        assertThat(OverloadRiskModel.overProbability(10, 0, 50)).isZero();
    }

    @Test
    void normalTailAndQuantileAgree() {
        assertThat(NormalDistribution.upperTail(0)).isCloseTo(0.5, within(1e-7));
        assertThat(NormalDistribution.upperTail(1.959964)).isCloseTo(0.025, within(1e-6));
        assertThat(NormalDistribution.upperQuantile(0.001)).isCloseTo(3.0902, within(1e-3));
        assertThat(NormalDistribution.upperTailT3(0)).isCloseTo(0.5, within(1e-12));
        // a unit-variance t3 has the heavier far tail: more mass beyond 3 sd than a normal
        assertThat(NormalDistribution.upperTailT3(3)).isGreaterThan(NormalDistribution.upperTail(3) * 3);
    }

    private static float[] constant(float v, int steps) {
        float[] s = new float[steps];
        java.util.Arrays.fill(s, v);
        return s;
    }
}
