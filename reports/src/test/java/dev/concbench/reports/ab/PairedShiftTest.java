package dev.concbench.reports.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.concbench.reports.compare.Direction;
import dev.concbench.reports.compare.Verdict;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The statistics on synthetic pairs with known effects. */
class PairedShiftTest {

    @Test
    void theSignedRankDistributionIsExact() {
        // n = 3: rank sums 0..6 come 1,1,1,2,1,1,1 times in 8 sign patterns.
        double[] cumulative = PairedShift.signedRankCumulative(3);
        assertThat(cumulative).containsExactly(new double[] {1 / 8.0, 2 / 8.0, 3 / 8.0, 5 / 8.0, 6 / 8.0, 7 / 8.0, 1},
                within(1e-12));
        // n = 10, the textbook critical value at 5 % two-sided is 8: P(T <= 8) <= 0.025 < P(T <= 9).
        double[] ten = PairedShift.signedRankCumulative(10);
        assertThat(ten[8]).isLessThanOrEqualTo(0.025);
        assertThat(ten[9]).isGreaterThan(0.025);
    }

    @Test
    void theEstimateIsTheMedianOfTheWalshAveragesAndTheIntervalHoldsIt() {
        PairedShift shift = PairedShift.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 0.95);

        assertThat(shift.estimate()).isEqualTo(4.5);
        // n = 8: t = 3, so the interval runs from the 4th to the 33rd of 36 Walsh averages.
        // Sorted, they begin 1, 1.5, 2, 2, 2.5 and end symmetrically.
        assertThat(shift.low()).isEqualTo(2.0);
        assertThat(shift.high()).isEqualTo(7.0);
        assertThat(shift.confidence()).isCloseTo(1 - 2 * 5 / 256.0, within(1e-12));
    }

    @Test
    void tooFewPairsForTheLevelGiveTheWidestIntervalWithItsLowerConfidence() {
        PairedShift shift = PairedShift.of(new double[] {0.1, -0.2, 0.3, 0.05, 0.0}, 0.95);

        assertThat(shift.low()).isEqualTo(-0.2);
        assertThat(shift.high()).isEqualTo(0.3);
        assertThat(shift.confidence()).isCloseTo(1 - 2 / 32.0, within(1e-12));
    }

    @Test
    void aKnownTenPercentDropIsFoundAndNoChangeStaysQuiet() {
        // 2,000 simulated A/B cases of 8 pairs, each pair's ratio B/A off by up to ±10 % of noise
        // (normal, sd 4 %), as measured side by side on these machines.
        SplittableRandom random = new SplittableRandom(42);
        int trials = 2_000;
        int flaggedWithDrop = 0;
        int falseAlarms = 0;
        int improvementsCalledOnDrop = 0;
        for (int i = 0; i < trials; i++) {
            double[] a = new double[8];
            double[] same = new double[8];
            double[] dropped = new double[8];
            for (int p = 0; p < 8; p++) {
                double drift = 40_000 * (1 + 0.3 * Math.sin(i + p)); // the machine drifts; pairs share it
                a[p] = drift;
                same[p] = drift * Math.exp(0.04 * gaussian(random));
                dropped[p] = drift * 0.85 * Math.exp(0.04 * gaussian(random));
            }
            AbMetric none = AbMetric.judge("throughput", Direction.HIGHER_IS_BETTER, a, same, 5);
            AbMetric drop = AbMetric.judge("throughput", Direction.HIGHER_IS_BETTER, a, dropped, 5);
            if (none.verdict() != Verdict.NO_CHANGE) {
                falseAlarms++;
            }
            if (drop.verdict() == Verdict.REGRESSION) {
                flaggedWithDrop++;
            }
            if (drop.verdict() == Verdict.IMPROVEMENT) {
                improvementsCalledOnDrop++;
            }
        }
        assertThat(falseAlarms).as("false alarms with no change, of %d", trials).isLessThanOrEqualTo(trials / 100);
        assertThat(flaggedWithDrop).as("a 15 %% drop flagged, of %d", trials).isGreaterThanOrEqualTo(trials * 9 / 10);
        assertThat(improvementsCalledOnDrop).isZero();
    }

    @Test
    void aChangeOfExactlyTheMinimumEffectIsFlaggedAtMostOneTimeInTwenty() {
        // The worst case for a false alarm: B really is 5 % slower, 10 pairs, noise sd 6 %.
        SplittableRandom random = new SplittableRandom(7);
        int trials = 2_000;
        int flagged = 0;
        for (int i = 0; i < trials; i++) {
            double[] a = new double[10];
            double[] b = new double[10];
            for (int p = 0; p < a.length; p++) {
                a[p] = 20 * Math.exp(0.06 * gaussian(random));
                b[p] = 20 * 1.05 * Math.exp(0.06 * gaussian(random));
            }
            if (AbMetric.judge("CPU/request", Direction.LOWER_IS_BETTER, a, b, 5).verdict() == Verdict.REGRESSION) {
                flagged++;
            }
        }
        assertThat(flagged).as("flagged at the boundary, of %d", trials).isLessThanOrEqualTo(trials * 6 / 100);
    }

    @Test
    void aLatencyRiseIsARegressionAndAFallAnImprovement() {
        double[] a = {10, 11, 9, 10, 12, 10, 11, 10};
        double[] up = new double[a.length];
        double[] down = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            up[i] = a[i] * (1.3 + 0.01 * i);
            down[i] = a[i] * (0.7 - 0.01 * i);
        }

        assertThat(AbMetric.judge("p99", Direction.LOWER_IS_BETTER, a, up, 5).verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(AbMetric.judge("p99", Direction.LOWER_IS_BETTER, a, down, 5).verdict())
                .isEqualTo(Verdict.IMPROVEMENT);
        AbMetric small = AbMetric.judge("p99", Direction.LOWER_IS_BETTER, a, scaled(a, 1.03), 5);
        assertThat(small.verdict()).as("a steady 3 %% rise is below the 5 %% minimum effect").isEqualTo(Verdict.NO_CHANGE);
        assertThat(small.ratio()).isCloseTo(1.03, within(1e-9));
    }

    @Test
    void pairsWithoutAFigureOnBothSidesAreLeftOutAndTooFewAreNotJudged() {
        double nan = Double.NaN;
        AbMetric metric = AbMetric.judge("p99", Direction.LOWER_IS_BETTER, new double[] {1, nan, 1, 1, nan, 1},
                new double[] {1, 1, nan, 1, 1, 1}, 5);

        assertThat(metric.verdict()).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(metric.reason()).isEqualTo("3 of 6 pairs have a figure on both sides (at least 5 needed)");
    }

    @Test
    void theDetectableChangeGrowsWithTheSpreadOfThePairs() {
        double[] a = {100, 100, 100, 100, 100, 100, 100, 100};
        double[] tight = {101, 99, 100.5, 99.5, 100.2, 99.8, 100.1, 99.9};
        double[] loose = {120, 85, 110, 90, 115, 88, 105, 95};

        AbMetric quiet = AbMetric.judge("throughput", Direction.HIGHER_IS_BETTER, a, tight, 5);
        AbMetric noisy = AbMetric.judge("throughput", Direction.HIGHER_IS_BETTER, a, loose, 5);

        assertThat(quiet.detectablePercent()).isBetween(5.0, 6.5);
        assertThat(noisy.detectablePercent()).isGreaterThan(quiet.detectablePercent() + 5);
        assertThat(noisy.pairLow()).isCloseTo(0.85, within(1e-9));
        assertThat(noisy.pairHigh()).isCloseTo(1.2, within(1e-9));
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i] * factor;
        }
        return out;
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
