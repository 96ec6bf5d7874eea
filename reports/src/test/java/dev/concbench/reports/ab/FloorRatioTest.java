package dev.concbench.reports.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.concbench.reports.compare.Direction;
import org.junit.jupiter.api.Test;

class FloorRatioTest {

    @Test
    void aSidesLevelIsItsQuartileOnTheGoodSide() {
        // Eight windows: the lower quartile lies 1.75 of the way up the order statistics (between
        // the 2nd and 3rd smallest), the upper quartile between the 6th and the 7th.
        double[] a = {10, 30, 11, 12, 40, 13, 14, 15};
        double[] b = {22, 24, 26, 28, 30, 32, 34, 36};

        FloorRatio lower = FloorRatio.of(a, b, Direction.LOWER_IS_BETTER, 0.9);
        FloorRatio higher = FloorRatio.of(a, b, Direction.HIGHER_IS_BETTER, 0.9);

        assertThat(lower.estimate()).isCloseTo((24 + 0.75 * 2) / (11 + 0.75 * 1), within(1e-12));
        assertThat(higher.estimate()).isCloseTo((32 + 0.25 * 2) / (15 + 0.25 * 15), within(1e-12));
        assertThat(lower.n()).isEqualTo(8);
    }

    @Test
    void spikesAboveTheFloorLeaveTheEstimateAlone() {
        double[] a = {10, 10.1, 9.9, 10, 10.05, 9.95, 10, 10};
        double[] b = {11, 11.1, 10.9, 11, 11.05, 10.95, 11, 11};
        double[] spikedA = a.clone();
        spikedA[1] = 14;
        spikedA[5] = 16;

        FloorRatio clean = FloorRatio.of(a, b, Direction.LOWER_IS_BETTER, 0.9);
        FloorRatio spiked = FloorRatio.of(spikedA, b, Direction.LOWER_IS_BETTER, 0.9);

        assertThat(spiked.estimate()).isCloseTo(clean.estimate(), within(0.01));
        assertThat(spiked.low()).isGreaterThan(1.05);
    }

    @Test
    void theIntervalHoldsTheEstimateAndIsTheSameForTheSameFigures() {
        double[] a = {12.3, 14.1, 12.2, 12.9, 15.4, 12.4, 12.6, 13.0, 12.1, 12.5};
        double[] b = {13.4, 13.6, 15.2, 13.3, 13.5, 16.0, 13.7, 13.4, 14.9, 13.6};

        FloorRatio first = FloorRatio.of(a, b, Direction.LOWER_IS_BETTER, 0.9);
        FloorRatio again = FloorRatio.of(a.clone(), b.clone(), Direction.LOWER_IS_BETTER, 0.9);

        assertThat(first.low()).isLessThanOrEqualTo(first.estimate());
        assertThat(first.high()).isGreaterThanOrEqualTo(first.estimate());
        assertThat(first.high()).isGreaterThan(first.low());
        assertThat(again).isEqualTo(first);
        assertThat(first.confidence()).isEqualTo(0.9);
    }

    @Test
    void unpairedFiguresOrABadConfidenceAreRefused() {
        assertThatThrownBy(() -> FloorRatio.of(new double[] {1, 2}, new double[] {1}, Direction.LOWER_IS_BETTER, 0.9))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("needs pairs: 2 figures of A, 1 of B");
        assertThatThrownBy(() -> FloorRatio.of(new double[] {1}, new double[] {1}, Direction.LOWER_IS_BETTER, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
