package dev.concbench.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concbench.bench.Scenario;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuitePlanTest {

    private static final List<String> MODELS = List.of("iterative", "netty", "pool");

    @Test
    void runsEveryRegisteredModelThroughEveryScenarioOfTheSuite() {
        SuitePlan plan = SuitePlan.of(SuitePreset.SMOKE, Narrowing.NONE, MODELS);

        assertThat(plan.models()).isEqualTo(MODELS);
        assertThat(plan.cases()).extracting(BenchmarkCase::describe).containsExactly(
                "hello model=iterative connections=8", "hello model=netty connections=8",
                "hello model=pool connections=8",
                "sleep model=iterative connections=10 ms=100", "sleep model=netty connections=10 ms=100",
                "sleep model=pool connections=10 ms=100");
    }

    @Test
    void aSmokeAbRunLeavesProcessOutWithItsReasonUnlessItIsNamed() {
        List<String> registered = List.of("iterative", "process", "pool");

        SuitePlan plain = SuitePlan.of(SuitePreset.SMOKE, Narrowing.NONE, registered, false);
        SuitePlan ab = SuitePlan.of(SuitePreset.SMOKE, Narrowing.NONE, registered, true);
        SuitePlan named = SuitePlan.of(SuitePreset.SMOKE, Narrowing.parse("process", "", ""), registered, true);
        SuitePlan quick = SuitePlan.of(SuitePreset.QUICK, Narrowing.NONE, registered, true);

        assertThat(plain.models()).isEqualTo(registered);
        assertThat(plain.leftOut()).isEmpty();
        assertThat(ab.models()).containsExactly("iterative", "pool");
        assertThat(ab.leftOut()).containsOnlyKeys("process");
        assertThat(ab.leftOut().get("process")).contains("answers nothing", "-Dbench.models");
        assertThat(named.models()).containsExactly("process");
        assertThat(named.leftOut()).isEmpty();
        assertThat(quick.models()).isEqualTo(registered);
    }

    @Test
    void theQuickSuiteHasTheBlogsExperimentHelloAndTheCapacityOfHelloAndABlockingCall() {
        SuitePlan plan = SuitePlan.of(SuitePreset.QUICK, Narrowing.NONE, List.of("pool"));

        assertThat(plan.cases()).filteredOn(c -> c.scenario() == Scenario.HELLO)
                .extracting(c -> c.params().get("connections")).containsExactly("64");
        BenchmarkCase blog = plan.cases().stream().filter(c -> c.scenario() == Scenario.SLEEP).findFirst().orElseThrow();
        assertThat(blog.params()).isEqualTo(Map.of("connections", "10", "ms", "1000"));
        assertThat(blog.timing()).isEqualTo(Timing.of(1, 0, 1, 1, 5));
        assertThat(plan.sweeps()).extracting(SweepCase::describe).containsExactly(
                "capacity hello model=pool connections=64 (p99<10ms)",
                "capacity sleep model=pool connections=64 ms=1 (p99<10ms)");
    }

    @Test
    void narrowingByScenarioAndConnectionsNarrowsTheSweepsToo() {
        SuitePlan plan = SuitePlan.of(SuitePreset.QUICK, Narrowing.parse("pool", "sleep", "16"), MODELS, true);

        assertThat(plan.cases()).extracting(BenchmarkCase::describe)
                .containsExactly("sleep model=pool connections=16 ms=1000");
        assertThat(plan.sweeps()).singleElement().satisfies(sweep -> {
            assertThat(sweep.describe()).isEqualTo("capacity sleep model=pool connections=16 ms=1 (p99<10ms)");
            assertThat(sweep.sides()).isEqualTo(2);
        });
    }

    @Test
    void narrowsToModelsScenariosAndConnections() {
        SuitePlan plan = SuitePlan.of(SuitePreset.FULL,
                Narrowing.parse("pool, iterative", "hello,json", "8,128"), MODELS);

        assertThat(plan.models()).containsExactly("pool", "iterative");
        assertThat(plan.cases()).extracting(BenchmarkCase::describe).containsExactly(
                "hello model=pool connections=8", "hello model=iterative connections=8",
                "hello model=pool connections=128", "hello model=iterative connections=128",
                "json model=pool connections=8", "json model=iterative connections=8",
                "json model=pool connections=128", "json model=iterative connections=128");
    }

    @Test
    void refusesUnknownModelsAndScenariosWithOneLineNamingTheKnownOnes() {
        assertThatThrownBy(() -> SuitePlan.of(SuitePreset.QUICK, Narrowing.parse("pool,nope", "", ""), MODELS))
                .hasMessage("unknown model 'nope'; known models: iterative, netty, pool");
        assertThatThrownBy(() -> SuitePlan.of(SuitePreset.QUICK, Narrowing.parse("", "hello,bogus", ""), MODELS))
                .hasMessageStartingWith("unknown scenario 'bogus'; known scenarios: hello, json, sleep");
        assertThatThrownBy(() -> SuitePlan.of(SuitePreset.SMOKE, Narrowing.parse("", "cpu", ""), MODELS))
                .hasMessage("suite smoke does not run scenario 'cpu'; it runs hello, sleep");
        assertThatThrownBy(() -> Narrowing.parse("", "", "64,many"))
                .hasMessage("connections are whole numbers, not 'many'");
        assertThatThrownBy(() -> Narrowing.parse("", "", "0"))
                .hasMessage("connections must be at least 1, not 0");
    }

    @Test
    void presetsAreNamedAndStayWithinTheirBudgets() {
        assertThat(SuitePreset.byName("SMOKE")).isSameAs(SuitePreset.SMOKE);
        assertThatThrownBy(() -> SuitePreset.byName("huge")).hasMessage("unknown suite 'huge'; known suites: smoke, quick, full");
        // Load time alone, for nine models; start-up adds a few seconds each.
        List<String> nine = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
        assertThat(SuitePlan.of(SuitePreset.SMOKE, Narrowing.NONE, nine).loadTime().toSeconds()).isLessThan(110);
        // The quick suite's estimate, start-ups included, for the fifteen models there are.
        List<String> fifteen = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o");
        assertThat(new Progress(SuitePlan.of(SuitePreset.QUICK, Narrowing.NONE, fifteen).all()).left(0).toMinutes())
                .isLessThan(20);
        for (SuitePreset preset : SuitePreset.all()) {
            assertThat(preset.scenarios()).allSatisfy(plan -> assertThat(plan.timing().forks()).isGreaterThanOrEqualTo(1));
        }
    }

    @Test
    void combinationsVaryTheLastParameterFastest() {
        ScenarioPlan plan = ScenarioPlan.of(Scenario.CPU, Timing.of(1, 1, 1, 1, 1), "connections", List.of(1, 2),
                "us", List.of(10, 20));
        assertThat(plan.combinations()).containsExactly(Map.of("connections", "1", "us", "10"),
                Map.of("connections", "1", "us", "20"), Map.of("connections", "2", "us", "10"),
                Map.of("connections", "2", "us", "20"));
        assertThat(plan.withValues("absent", List.of("1"))).isEqualTo(plan);
        assertThatThrownBy(() -> ScenarioPlan.of(Scenario.CPU, Timing.of(1, 1, 1, 1, 1), "model", List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timingNeverAllowsZeroForks() {
        assertThatThrownBy(() -> Timing.of(0, 1, 1, 1, 1)).hasMessageContaining("forks must be at least 1");
        assertThat(Timing.of(2, 3, 1, 5, 2).loadTime().toSeconds()).isEqualTo(2 * (3 + 10));
    }

    @Test
    void aLeadInPrecedesEveryWindowAndCountsAsLoadTime() {
        Timing timing = Timing.of(2, 1, 1, 3, 2).withLeadIn(0.5);

        assertThat(timing.leadIn()).isEqualTo(Duration.ofMillis(500));
        assertThat(timing.loadTime()).isEqualTo(Duration.ofMillis(2 * (1_500 + 3 * 2_500)));
        assertThat(Timing.of(1, 0, 1, 1, 1).leadIn()).isZero();
        assertThatThrownBy(() -> Timing.of(1, 0, 1, 1, 1).withLeadIn(-1)).hasMessageContaining("leadIn must not be negative");
    }

    @Test
    void theSmokeSuiteLeadsIntoEveryWindowSoThatSlowStartingModelsAreMeasuredWarm() {
        assertThat(SuitePreset.SMOKE.scenarios()).allSatisfy(plan -> {
            assertThat(plan.timing().leadIn()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(plan.timing().measurementTime()).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
            assertThat(plan.timing().forks()).isEqualTo(1);
        });
    }
}
