package dev.concbench.reports.ab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.concbench.reports.support.Fixtures;
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
                List.of("the benchmark failed: IOException: server pool exited"), false));
        RunResult broken = new RunResult(run.schema(), true, null, run.suite(), run.startedAt(), run.finishedAt(),
                run.machine(), run.serverMachine(), run.environment(), run.abBaseline(), run.clientCeiling(), run.unavailableModels(),
                results, null);

        AbCase only = AbComparison.of(broken, 5).cases().getFirst();

        assertThat(only.verdict()).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(only.reason()).isEqualTo("side B measured nothing (the benchmark failed: IOException: server pool exited)");
    }

    @Test
    void aPlainRunHasNoAbVerdict() {
        assertThatThrownBy(() -> AbComparison.of(Fixtures.run("run-epyc.json"), 5))
                .hasMessageContaining("not an A/B run");
    }
}
