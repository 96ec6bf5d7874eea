package dev.concbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.LoadClient;
import dev.concbench.client.capacity.CapacitySearch;
import dev.concbench.client.capacity.SweepRunner;
import dev.concbench.results.CapacityOutcome;
import dev.concbench.results.Objective;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sweeps against real server processes: what they find, and that nothing is left running. */
class SweepTrialTest {

    private static final SweepRunner.Pace SHORT = new SweepRunner.Pace(Duration.ofMillis(200), Duration.ofMillis(100),
            Duration.ofMillis(400),
            Duration.ofMillis(800), 50, Duration.ofMillis(200));
    private static final HarnessSettings SETTINGS = new HarnessSettings(null, false, null, null,
            List.of("-Xmx64m", "--enable-native-access=ALL-UNNAMED"), 0, Duration.ZERO, null, null);

    private static LoadClient client;

    @BeforeAll
    static void startClient() {
        client = LoadClient.create(1);
    }

    @AfterAll
    static void stopClient() {
        client.close();
    }

    @Test
    void aServerThatKeepsUpAtTheHighestRateGivesALowerBoundAndEveryStepIsRecorded() throws Exception {
        List<SweepStep> told = new ArrayList<>();
        var sides = SweepTrial.run(client, "pool", Scenario.HELLO, Map.of("connections", "4"), SETTINGS,
                () -> new CapacitySearch(Objective.parse("p99<1s"), new CapacitySearch.Range(100, 1_600, 4, 0.5, 5)),
                SHORT, (target, step) -> told.add(step));

        assertThat(sides).hasSize(1);
        var sweep = sides.getFirst().sweep();
        assertThat(sweep.steps()).extracting(SweepStep::offeredRate).containsExactly(100.0, 400.0, 1_600.0);
        assertThat(sweep.steps()).allSatisfy(step -> {
            assertThat(step.verdict()).isEqualTo(StepVerdict.PASS);
            assertThat(step.requests()).isPositive();
            assertThat(step.corrected().count()).isEqualTo(step.requests());
        });
        assertThat(told).isEqualTo(sweep.steps());
        assertThat(sweep.capacity().outcome()).isEqualTo(CapacityOutcome.INCONCLUSIVE);
        assertThat(sweep.capacity().lastPassRate()).isEqualTo(1_600);
        assertThat(sides.getFirst().server().resources()).isNotNull();
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void aServerThatCannotTakeTheLowestRateEndsTheSearchThereWithItsOutcome() throws Exception {
        // One request at a time, 100 ms each: at most 10 answers a second against 40 offered.
        var sides = SweepTrial.run(client, "iterative", Scenario.SLEEP, Map.of("connections", "4", "ms", "100"),
                SETTINGS, () -> new CapacitySearch(Objective.parse("p99<1s"), new CapacitySearch.Range(40, 640, 4, 0.5, 5)),
                SHORT, (target, step) -> { });

        var sweep = sides.getFirst().sweep();
        assertThat(sweep.steps()).hasSize(1);
        assertThat(sweep.steps().getFirst().verdict()).isEqualTo(StepVerdict.SERVER_FAILED);
        assertThat(sweep.capacity().outcome()).isEqualTo(CapacityOutcome.FAILED_AT_LOWEST);
        assertThat(sweep.capacity().firstFailRate()).isEqualTo(40);
        assertThat(sweep.capacity().reason()).contains("40/s");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void anAbTrialSweepsBothSidesWithTheirStepsAlternating() throws Exception {
        List<String> order = new ArrayList<>();
        var sides = SweepTrial.run(client, "pool", Scenario.HELLO, Map.of("connections", "4"),
                SETTINGS.withBaselineClassPath(System.getProperty("java.class.path")),
                () -> new CapacitySearch(Objective.parse("p99<1s"), new CapacitySearch.Range(100, 400, 4, 0.5, 5)),
                SHORT, (target, step) -> order.add(target.side()));

        assertThat(sides).extracting(SweepTrial.SideResult::side).containsExactly("A", "B");
        assertThat(order).containsExactly("A", "B", "B", "A");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)).isEmpty();
    }
}
