package org.dcplanner.consolidation.simulation.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** THR, IQR, MAD, LR and LRR on hosts of 5000 MHz. */
class OverloadDetectionTest {
    private static final OverloadDetection FALLBACK = new StaticThreshold(StaticThreshold.FALLBACK);

    @Test
    void staticThresholdComparesCurrentUtilizationIncludingACandidateVm() {
        ConsolidationState s = States.state(
                2, new int[] {0, 1}, new double[] {1024, 1024}, new float[][] {States.flat(1, 3900), States.flat(1, 400)
                });
        StaticThreshold thr = new StaticThreshold(0.8);
        assertThat(thr.overloaded(s, 0)).isFalse(); // 3900 / 5000 = 0.78
        assertThat(thr.overloaded(s, 0, 1)).isTrue(); // + 400 = 0.86
    }

    @Test
    void adaptiveThresholdsUseTheFallbackUntilTwelveStepsThenTheSpread() {
        float[] steady = States.flat(12, 4500); // 0.9 with no spread: threshold 1
        ConsolidationState shortHistory =
                States.state(1, new int[] {0}, new double[] {1024}, new float[][] {States.flat(11, 4500)});
        ConsolidationState longHistory = States.state(1, new int[] {0}, new double[] {1024}, new float[][] {steady});
        for (OverloadDetection d : new OverloadDetection[] {
            new InterquartileRange(1.5, FALLBACK), new MedianAbsoluteDeviation(2.5, FALLBACK)
        }) {
            assertThat(d.overloaded(shortHistory, 0))
                    .as("%s falls back to THR 0.7", d)
                    .isTrue();
            assertThat(d.overloaded(longHistory, 0))
                    .as("%s: 0.9 < 1 − s x 0", d)
                    .isFalse();
        }
        // alternating 0.5 / 0.9: IQR 0.4 -> threshold 1 − 1.5 x 0.4 = 0.4; MAD 0.2 -> 1 − 2.5 x 0.2 = 0.5
        float[] swing = new float[12];
        for (int i = 0; i < 12; i++) swing[i] = i % 2 == 0 ? 2500 : 4500;
        ConsolidationState volatile_ = States.state(1, new int[] {0}, new double[] {1024}, new float[][] {swing});
        assertThat(new InterquartileRange(1.5, FALLBACK).overloaded(volatile_, 0))
                .isTrue();
        assertThat(new MedianAbsoluteDeviation(2.5, FALLBACK).overloaded(volatile_, 0))
                .isTrue();
        assertThat(new InterquartileRange(0, FALLBACK).overloaded(volatile_, 0)).isFalse();
    }

    @Test
    void localRegressionPredictsPastTheLongestMigration() {
        // rising 0.5 -> 0.77 over 10 steps (0.03 per step): next step 0.80, x 1.2 = 0.96 < 1 ; x 1.3 = 1.04 >= 1
        ConsolidationState rising =
                States.state(1, new int[] {0}, new double[] {1024}, new float[][] {States.ramp(10, 2500, 3850)});
        assertThat(new LocalRegression(1.2, FALLBACK).overloaded(rising, 0)).isFalse();
        assertThat(new LocalRegression(1.3, FALLBACK).overloaded(rising, 0)).isTrue();
        // 9 steps of history: the fallback (0.77 > 0.7) decides
        ConsolidationState young =
                States.state(1, new int[] {0}, new double[] {1024}, new float[][] {States.ramp(9, 2500, 3850)});
        assertThat(new LocalRegression(1.2, FALLBACK).overloaded(young, 0)).isTrue();
    }

    @Test
    void robustRegressionIgnoresAnOutlierThatTipsThePlainFit() {
        float[] series = States.flat(10, 3000); // 0.6 steady
        series[9] = 4900; // one spike at the newest step: 0.98
        ConsolidationState s = States.state(1, new int[] {0}, new double[] {1024}, new float[][] {series});
        // plain fit: 0.524 + 0.0207 x at x = 11 -> 0.75, x 1.4 = 1.05; the bisquare weights discount the spike
        assertThat(new LocalRegression(1.4, FALLBACK).overloaded(s, 0)).isTrue();
        assertThat(new RobustLocalRegression(1.4, FALLBACK).overloaded(s, 0)).isFalse();
    }
}
