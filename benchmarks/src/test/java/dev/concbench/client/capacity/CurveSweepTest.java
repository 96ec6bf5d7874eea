package dev.concbench.client.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concbench.results.CapacityOutcome;
import dev.concbench.results.Objective;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurveSweepTest {

    @Test
    void aLadderIsGeometricFromEndToEnd() {
        List<Double> ladder = CurveSweep.ladder(100, 10_000, 5);

        assertThat(ladder).hasSize(5);
        assertThat(ladder.getFirst()).isEqualTo(100);
        assertThat(ladder.getLast()).isEqualTo(10_000);
        assertThat(ladder.get(2)).isCloseTo(1_000, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void climbsUntilTheServerHasClearlyLeftTheObjectiveAndBracketsTheKnee() {
        CurveSweep curve = SimulatedServer.withKnee(3_000)
                .drive(new CurveSweep(Objective.DEFAULT, CurveSweep.ladder(100, 100_000, 11)));

        // 100, 200, 400, 790, 1.6k pass; 3.2k fails (p99 64 ms), 6.3k fails again: stop there.
        assertThat(curve.steps()).hasSize(7);
        assertThat(curve.capacity().outcome()).isEqualTo(CapacityOutcome.BRACKETED);
        assertThat(curve.capacity().lastPassRate()).isLessThanOrEqualTo(3_000);
        assertThat(curve.capacity().firstFailRate()).isGreaterThan(3_000);
    }

    @Test
    void twoFailuresInARowEndTheCurveWhenNeitherCollapsed() {
        // Up to 9 % past the knee the simulated overload stays within ten times the limit.
        CurveSweep curve = SimulatedServer.withKnee(1_000)
                .drive(new CurveSweep(Objective.DEFAULT, List.of(500.0, 1_010.0, 1_020.0, 1_030.0, 1_040.0)));

        assertThat(curve.steps()).hasSize(3);
        assertThat(curve.capacity().lastPassRate()).isEqualTo(500);
        assertThat(curve.capacity().firstFailRate()).isEqualTo(1_010);
    }

    @Test
    void aCollapsedServerStopsAtTheFirstStep() {
        CurveSweep curve = new SimulatedServer(1_000, Double.MAX_VALUE, true)
                .drive(new CurveSweep(Objective.DEFAULT, CurveSweep.ladder(100, 10_000, 5)));

        assertThat(curve.steps()).hasSize(1);
        assertThat(curve.capacity().outcome()).isEqualTo(CapacityOutcome.FAILED_AT_LOWEST);
    }

    @Test
    void ratesMustAscend() {
        assertThatThrownBy(() -> new CurveSweep(Objective.DEFAULT, List.of(100.0, 50.0)))
                .hasMessageContaining("ascending");
    }
}
