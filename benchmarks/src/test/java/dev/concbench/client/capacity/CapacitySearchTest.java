package dev.concbench.client.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concbench.results.CapacityOutcome;
import dev.concbench.results.Objective;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepStep;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CapacitySearchTest {

    private static final CapacitySearch.Range RANGE = new CapacitySearch.Range(50, 400_000, 4, 0.05, 30);

    private static CapacitySearch search() {
        return new CapacitySearch(Objective.DEFAULT, RANGE);
    }

    @ParameterizedTest
    @ValueSource(doubles = {51, 199, 1_000, 12_345, 64_000, 399_000})
    void bracketsAKnownKneeWithinTheResolution(double knee) {
        CapacitySearch search = SimulatedServer.withKnee(knee).drive(search());

        var capacity = search.capacity();
        assertThat(capacity.outcome()).isEqualTo(CapacityOutcome.BRACKETED);
        assertThat(capacity.lastPassRate()).isLessThanOrEqualTo(knee);
        assertThat(capacity.firstFailRate()).isGreaterThan(knee)
                .isLessThanOrEqualTo(capacity.lastPassRate() * 1.05);
        assertThat(search.steps()).hasSizeLessThan(20);
    }

    @Test
    void neverOffersARateAboveOneThatFailed() {
        CapacitySearch search = SimulatedServer.withKnee(7_000).drive(search());

        double lowestFailure = Double.MAX_VALUE;
        for (SweepStep step : search.steps()) {
            assertThat(step.offeredRate()).isLessThan(lowestFailure);
            if (step.verdict() != StepVerdict.PASS) {
                lowestFailure = step.offeredRate();
            }
        }
    }

    @Test
    void aCollapsedServerEndsTheSearchAtItsFirstStepWithItsOutcome() {
        CapacitySearch search = new SimulatedServer(1_000, Double.MAX_VALUE, true).drive(search());

        assertThat(search.steps()).hasSize(1);
        assertThat(search.capacity().outcome()).isEqualTo(CapacityOutcome.FAILED_AT_LOWEST);
        assertThat(search.capacity().lastPassRate()).isNull();
        assertThat(search.capacity().firstFailRate()).isEqualTo(50);
    }

    @Test
    void aClientThatCannotReachTheRateIsTheClientsLimitNotAServerVerdictNarrowedToTheResolution() {
        CapacitySearch search = new SimulatedServer(100_000, 5_000, false).drive(search());

        var capacity = search.capacity();
        assertThat(capacity.outcome()).isEqualTo(CapacityOutcome.CLIENT_LIMITED);
        assertThat(capacity.lastPassRate()).isLessThanOrEqualTo(5_000);
        assertThat(capacity.firstFailRate()).isGreaterThan(5_000).isLessThanOrEqualTo(capacity.lastPassRate() * 1.05);
        assertThat(capacity.reason()).contains("the client, not the server");
        assertThat(search.steps()).noneMatch(step -> step.verdict() == StepVerdict.SERVER_FAILED);
    }

    @Test
    void aServerKneeBelowTheClientsLimitFoundWhileBisectingIsBracketed() {
        // 3,200 passes, 12,800 fails on the client; bisecting below it finds the server's knee at 6,000.
        CapacitySearch search = new SimulatedServer(6_000, 10_000, false).drive(search());

        assertThat(search.capacity().outcome()).isEqualTo(CapacityOutcome.BRACKETED);
        assertThat(search.capacity().lastPassRate()).isLessThanOrEqualTo(6_000);
        assertThat(search.capacity().firstFailRate()).isGreaterThan(6_000);
    }

    @Test
    void aServerThatMeetsTheObjectiveAtTheHighestRateGivesALowerBoundOnly() {
        CapacitySearch search = SimulatedServer.withKnee(1e9).drive(search());

        assertThat(search.capacity().outcome()).isEqualTo(CapacityOutcome.INCONCLUSIVE);
        assertThat(search.capacity().lastPassRate()).isEqualTo(400_000);
        assertThat(search.capacity().firstFailRate()).isNull();
        assertThat(search.capacity().reason()).contains("above it");
    }

    @Test
    void runningOutOfStepsIsInconclusiveWithTheBracketSoFar() {
        var search = new CapacitySearch(Objective.DEFAULT, new CapacitySearch.Range(50, 400_000, 4, 0.001, 9));
        SimulatedServer.withKnee(10_000).drive(search);

        assertThat(search.steps()).hasSize(9);
        assertThat(search.capacity().outcome()).isEqualTo(CapacityOutcome.INCONCLUSIVE);
        assertThat(search.capacity().lastPassRate()).isLessThanOrEqualTo(10_000);
        assertThat(search.capacity().firstFailRate()).isGreaterThan(10_000);
        assertThat(search.capacity().reason()).contains("used its 9 steps");
    }

    @Test
    void recordingAfterTheEndIsRefused() {
        CapacitySearch search = new SimulatedServer(1_000, Double.MAX_VALUE, true).drive(search());

        assertThat(search.nextRate()).isEmpty();
        assertThatThrownBy(() -> search.record(search.steps().getFirst())).isInstanceOf(IllegalStateException.class);
    }
}
