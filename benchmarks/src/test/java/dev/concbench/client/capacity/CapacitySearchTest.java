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
    void takesTheClimbsFirstFailureAgainOnceThenNeverOffersARateAboveOneThatFailed() {
        CapacitySearch search = SimulatedServer.withKnee(7_000).drive(search());

        // 50, 200, 800, 3,200 pass; 12,800 fails, is taken again and fails again; then bisection below.
        assertThat(search.steps().get(4).offeredRate()).isEqualTo(12_800);
        assertThat(search.steps().get(5).offeredRate()).isEqualTo(12_800);
        double lowestFailure = Double.MAX_VALUE;
        for (SweepStep step : search.steps().subList(6, search.steps().size())) {
            assertThat(step.offeredRate()).isLessThan(lowestFailure).isLessThan(12_800);
            if (step.verdict() != StepVerdict.PASS) {
                lowestFailure = step.offeredRate();
            }
        }
    }

    @Test
    void aServerDisturbedOnceWhileClimbingIsBracketedAtItsKneeNotBelowTheDisturbance() {
        // The step at 800/s fails once (a collection, say); the server's knee is 20,000/s.
        SimulatedServer server = SimulatedServer.withKnee(20_000);
        CapacitySearch search = search();
        boolean disturbed = false;
        for (var rate = search.nextRate(); rate.isPresent(); rate = search.nextRate()) {
            SweepStep step = server.step(search.steps().size(), rate.getAsDouble(), search.objective());
            if (!disturbed && rate.getAsDouble() == 800) {
                disturbed = true;
                step = new SimulatedServer(1, Double.MAX_VALUE, false).step(step.index(), 800, search.objective());
            }
            search.record(step);
        }

        assertThat(search.steps()).extracting(SweepStep::verdict).startsWith(StepVerdict.PASS, StepVerdict.PASS,
                StepVerdict.SERVER_FAILED, StepVerdict.PASS);
        assertThat(search.capacity().outcome()).isEqualTo(CapacityOutcome.BRACKETED);
        assertThat(search.capacity().lastPassRate()).isLessThanOrEqualTo(20_000).isGreaterThan(20_000 / 1.05);
    }

    @Test
    void onlyOneFailureIsTakenAgainAndNotTheClients() {
        // A client limit at 5,000 while climbing: not taken again (the runner retries a stalled client).
        CapacitySearch clientLimited = new SimulatedServer(100_000, 5_000, false).drive(search());
        assertThat(clientLimited.steps()).extracting(SweepStep::offeredRate).doesNotHaveDuplicates();
        // A server that fails at the lowest rate: nothing passed to climb from, nothing taken again.
        CapacitySearch collapsed = new SimulatedServer(1_000, Double.MAX_VALUE, true).drive(search());
        assertThat(collapsed.steps()).hasSize(1);
    }

    @Test
    void aRepeatThatHasNoStepLeftLetsTheFailureStand() {
        // 50, 200, 800 pass; 3,200 fails as the fourth and last step allowed.
        var search = new CapacitySearch(Objective.DEFAULT, new CapacitySearch.Range(50, 400_000, 4, 0.05, 4));
        SimulatedServer.withKnee(1_000).drive(search);

        assertThat(search.steps()).hasSize(4);
        assertThat(search.capacity().outcome()).isEqualTo(CapacityOutcome.INCONCLUSIVE);
        assertThat(search.capacity().lastPassRate()).isEqualTo(800);
        assertThat(search.capacity().firstFailRate()).isEqualTo(3_200);
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
