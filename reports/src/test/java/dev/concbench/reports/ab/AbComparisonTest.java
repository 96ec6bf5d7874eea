package dev.concbench.reports.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.concbench.reports.support.Fixtures;
import dev.concbench.reports.support.Sweeps;
import dev.concbench.reports.compare.Verdict;
import dev.concbench.reports.markdown.MarkdownAb;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.MeasuredWindow;
import dev.concbench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbComparisonTest {

    @Test
    void aModelThatCostsTenPercentMoreCpuIsTheOneRegression() {
        RunResult changed = AbRuns.of(4, true, 1.0, 1.10, false);
        var first = changed.results().getFirst().key().withoutSide();

        AbComparison comparison = AbComparison.of(changed, 5);

        assertThat(comparison.cases()).hasSize(4);
        assertThat(comparison.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(comparison.withVerdict(Verdict.REGRESSION)).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(first);
            assertThat(c.cpu().verdict()).isEqualTo(Verdict.REGRESSION);
            assertThat(c.cpu().ratio()).isCloseTo(1.10, within(0.01));
            assertThat(c.throughput().verdict()).isEqualTo(Verdict.NO_CHANGE);
        });
        assertThat(comparison.cases().stream().filter(c -> !c.key().equals(first)))
                .allSatisfy(c -> assertThat(c.verdict()).isEqualTo(Verdict.NO_CHANGE));
        assertThat(MarkdownAb.render(comparison)).startsWith("## A/B verdict: **1 regression**")
                .contains("| **regression** |");
    }

    @Test
    void anAaRunSaysItsFlagsWouldBeFalseAlarms() {
        AbComparison comparison = AbComparison.of(AbRuns.of(2, false, 1, 1, true), 5);

        assertThat(comparison.verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(comparison.selfComparison()).isTrue();
        assertThat(MarkdownAb.render(comparison)).contains("**A/A run**", "no significant change");
        assertThat(comparison.cases()).allSatisfy(c -> assertThat(c.throughput().detectablePercent()).isPositive());
    }

    @Test
    void aSideThatMeasuredNothingIsNotJudgedWithTheReason() {
        RunResult run = AbRuns.of(1, false, 1, 1, false);
        List<BenchmarkResult> results = new ArrayList<>(run.results());
        BenchmarkResult b = results.get(1);
        results.set(1, new BenchmarkResult(b.benchmark(), b.model(), b.side(), b.family(), b.reference(), b.scenario(),
                b.params(), b.loadModel(), 0, b.throughput(), b.latency(), 0, b.errors(), b.fairness(), null, null,
                b.serverInfo(), List.<MeasuredWindow>of(), b.extras(), false,
                List.of("the benchmark failed: IOException: server pool exited"), false, null));
        RunResult broken = new RunResult(run.schema(), true, null, run.suite(), run.startedAt(), run.finishedAt(),
                run.machine(), run.serverMachine(), run.environment(), run.abBaseline(), run.clientCeiling(), run.unavailableModels(),
                results, null, List.of());

        AbCase only = AbComparison.of(broken, 5).cases().getFirst();

        assertThat(only.verdict()).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(only.reason()).isEqualTo("side B measured nothing (the benchmark failed: IOException: server pool exited)");
    }

    @Test
    void aSideThatAnsweredNothingIsNotJudgedWithTheFinding() {
        RunResult run = AbRuns.of(1, false, 1, 1, false);
        List<BenchmarkResult> results = new ArrayList<>(run.results());
        BenchmarkResult b = results.get(1);
        List<MeasuredWindow> silent = b.windows().stream()
                .map(w -> new MeasuredWindow(w.index(), w.seconds(), 0, 40, 0, 0.01)).toList();
        String finding = "the server answered nothing in 8.0 s of measurement (64 requests still unanswered at the"
                + " window ends, 320 failed)";
        results.set(1, new BenchmarkResult(b.benchmark(), b.model(), b.side(), b.family(), b.reference(), b.scenario(),
                b.params(), b.loadModel(), 8, b.throughput(), b.latency(), 0, b.errors(), b.fairness(), b.client(),
                b.resources(), b.serverInfo(), silent, b.extras(), true, List.of(), false, finding));
        RunResult overloaded = new RunResult(run.schema(), true, null, run.suite(), run.startedAt(), run.finishedAt(),
                run.machine(), run.serverMachine(), run.environment(), run.abBaseline(), run.clientCeiling(), run.unavailableModels(),
                results, null, List.of());

        AbCase only = AbComparison.of(overloaded, 5).cases().getFirst();

        assertThat(only.b().valid()).as("a server that could not take the load is a valid result").isTrue();
        assertThat(only.verdict()).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(only.reason()).isEqualTo("side B: " + finding);
    }

    @Test
    void aLowerCapacityOnSideBIsARegressionOfTheRun() {
        RunResult run = Sweeps.withSweeps(AbRuns.of(20, false, 1, 1, false), List.of("A", "B"), 0.8, List.of("pool"));

        AbComparison comparison = AbComparison.of(run, 5);

        assertThat(comparison.withVerdict(Verdict.REGRESSION)).as("no case of paired windows changed").isEmpty();
        assertThat(comparison.capacities()).hasSize(10);
        assertThat(comparison.capacities().stream().filter(c -> c.verdict() == Verdict.REGRESSION)
                .map(c -> c.key().label())).containsExactlyInAnyOrder("pool hello connections=64",
                "pool sleep connections=64 ms=1");
        assertThat(comparison.capacities().stream().filter(c -> c.key().model().equals("process")))
                .allSatisfy(c -> assertThat(c.change().reason()).startsWith("side A is inconclusive (no bracket)"));
        assertThat(comparison.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(comparison.hasRegressions()).isTrue();
        assertThat(comparison.capacitiesByConcern().getFirst().key().model()).isEqualTo("pool");
        String markdown = MarkdownAb.render(comparison);
        assertThat(markdown).startsWith("## A/B verdict: **2 regressions**")
                .contains("### Capacity at p99<10ms", "| pool hello connections=64 | **regression** |",
                        "| failed-at-lowest |", "a **regression** when B missed the objective at a rate at least 5 %");
    }

    @Test
    void aPlainRunHasNoAbVerdict() {
        assertThatThrownBy(() -> AbComparison.of(Fixtures.run("run-epyc.json"), 5))
                .hasMessageContaining("not an A/B run");
    }
}
