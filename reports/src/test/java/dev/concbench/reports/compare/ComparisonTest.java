package dev.concbench.reports.compare;

import dev.concbench.reports.support.Fixtures;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.RunResult;
import dev.concbench.results.Throughput;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComparisonTest {

    private final RunResult baseline = Fixtures.run("compare/baseline.json");

    @Test
    void aThirtyPercentThroughputDropIsARegression() {
        Comparison comparison = Comparison.of(List.of(baseline), Fixtures.run("compare/drop30.json"));

        assertThat(comparison.regressions()).extracting(r -> r.key().model()).containsExactly("virtual");
        BenchmarkComparison virtual = comparison.regressions().getFirst();
        assertThat(virtual.throughput().verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(virtual.throughput().changePercent()).isCloseTo(-30.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(comparison.verdict()).isEqualTo(Verdict.REGRESSION);
        assertThat(comparison.rows()).hasSize(4);
    }

    @Test
    void theSameFileTwiceIsNoChange() {
        Comparison comparison = Comparison.of(List.of(baseline), baseline);

        assertThat(comparison.rows()).hasSize(4).allSatisfy(row -> {
            assertThat(row.verdict()).isEqualTo(Verdict.NO_CHANGE);
            assertThat(row.throughput().changePercent()).isZero();
        });
        assertThat(comparison.hasRegressions()).isFalse();
        assertThat(comparison.onlyInCandidate()).isEmpty();
        assertThat(comparison.onlyInBaselines()).isEmpty();
    }

    @Test
    void aThreePercentDriftInsideTheNoiseIsNoChange() {
        Comparison comparison = Comparison.of(List.of(baseline), Fixtures.run("compare/drift3.json"));

        assertThat(comparison.rows()).allSatisfy(row -> assertThat(row.verdict()).isEqualTo(Verdict.NO_CHANGE));
        assertThat(comparison.rows()).anySatisfy(row ->
                assertThat(Math.abs(row.throughput().changePercent())).isBetween(2.5, 3.5));
    }

    @Test
    void aLatencyRiseIsARegressionEvenWhenThroughputHolds() {
        Comparison comparison = Comparison.of(List.of(baseline), Fixtures.run("compare/latency-rise.json"));

        assertThat(comparison.regressions()).singleElement().satisfies(row -> {
            assertThat(row.key().model()).isEqualTo("pool");
            assertThat(row.throughput().verdict()).isEqualTo(Verdict.NO_CHANGE);
            assertThat(row.p99().verdict()).isEqualTo(Verdict.REGRESSION);
            assertThat(row.p99().changePercent()).isCloseTo(45.0, org.assertj.core.data.Offset.offset(0.5));
        });
    }

    @Test
    void directionMattersAThroughputGainIsAnImprovement() {
        Comparison comparison = Comparison.of(List.of(Fixtures.run("compare/drop30.json")), baseline);

        assertThat(comparison.improvements()).extracting(r -> r.key().model()).containsExactly("virtual");
        assertThat(comparison.hasRegressions()).isFalse();
    }

    @Test
    void severalBaselinesArePooled() {
        RunResult second = Fixtures.run("compare/baseline-2.json");

        Comparison drop = Comparison.of(List.of(baseline, second), Fixtures.run("compare/drop30.json"));
        Comparison drift = Comparison.of(List.of(baseline, second), Fixtures.run("compare/drift3.json"));

        assertThat(drop.regressions()).extracting(r -> r.key().model()).containsExactly("virtual");
        assertThat(drop.rows()).allSatisfy(row -> assertThat(row.baselines()).hasSize(2));
        BenchmarkComparison virtual = drop.regressions().getFirst();
        double mean = (virtual.baselines().get(0).throughput().score() + virtual.baselines().get(1).throughput().score()) / 2;
        assertThat(virtual.throughput().baseline()).isEqualTo(mean);
        assertThat(virtual.throughput().baselineInterval().low())
                .isEqualTo(Math.min(virtual.baselines().get(0).throughput().confidenceLow(),
                        virtual.baselines().get(1).throughput().confidenceLow()));
        assertThat(drift.hasRegressions()).isFalse();
    }

    @Test
    void aBigChangeWithOverlappingIntervalsIsNoChange() {
        BenchmarkResult base = baseline.results().getFirst();
        RunResult noisy = withFirstThroughput(baseline, new Throughput(base.throughput().score() * 0.9,
                base.throughput().score() * 0.5, Throughput.UNIT, base.throughput().score() * 0.4,
                base.throughput().score() * 1.4, List.of()));

        BenchmarkComparison row = Comparison.of(List.of(baseline), noisy).rows().stream()
                .filter(r -> r.key().equals(base.key())).findFirst().orElseThrow();

        assertThat(row.throughput().changePercent()).isCloseTo(-10, org.assertj.core.data.Offset.offset(0.01));
        assertThat(row.throughput().verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(row.throughput().reason()).isEqualTo("CIs overlap");
    }

    @Test
    void aSeparatedChangeBelowTheMinimumEffectIsNoChange() {
        BenchmarkResult base = baseline.results().getFirst();
        double score = base.throughput().confidenceLow() * 0.99;
        RunResult tight = withFirstThroughput(baseline, new Throughput(score, 0.001, Throughput.UNIT, score - 0.001,
                score + 0.001, List.of()));
        double change = (score - base.throughput().score()) / base.throughput().score() * 100;

        BenchmarkComparison row = Comparison.of(List.of(baseline), tight,
                CompareOptions.DEFAULTS.withMinEffectPercent(Math.abs(change) + 1)).rows().stream()
                .filter(r -> r.key().equals(base.key())).findFirst().orElseThrow();

        assertThat(row.throughput().verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(row.throughput().reason()).startsWith("below ");
    }

    @Test
    void oneWindowAgainstOneBaselineRunIsReportedButNotJudged() {
        BenchmarkResult base = baseline.results().getFirst();
        RunResult pointBaseline = withFirstThroughput(baseline, point(base.throughput().score()));
        RunResult pointDrop = withFirstThroughput(baseline, point(base.throughput().score() * 0.7));

        BenchmarkComparison row = rowOf(Comparison.of(List.of(pointBaseline), pointDrop), base);

        assertThat(row.throughput().verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(row.throughput().reason()).isEqualTo("noise unknown, not judged");
        assertThat(row.throughput().changePercent()).isCloseTo(-30, org.assertj.core.data.Offset.offset(0.01));
        assertThat(row.p99().reason()).isEqualTo("noise unknown, not judged");
    }

    @Test
    void oneWindowIsNotJudgedEvenAgainstSeveralBaselineRuns() {
        BenchmarkResult base = baseline.results().getFirst();
        double score = base.throughput().score();
        List<RunResult> baselines = List.of(withFirstThroughput(baseline, point(score)),
                withFirstThroughput(baseline, point(score * 1.04)));

        BenchmarkComparison drop = rowOf(Comparison.of(baselines, withFirstThroughput(baseline, point(score * 0.8))), base);
        BenchmarkComparison inside = rowOf(Comparison.of(baselines, withFirstThroughput(baseline, point(score * 1.02))),
                base);

        // Runs taken apart drift more than their own windows vary: a window alone judges nothing.
        assertThat(drop.throughput().verdict()).isEqualTo(Verdict.NO_CHANGE);
        assertThat(drop.throughput().reason()).isEqualTo("noise unknown, not judged");
        assertThat(drop.throughput().changePercent()).isCloseTo(-20, org.assertj.core.data.Offset.offset(0.01));
        assertThat(inside.throughput().reason()).isEqualTo("noise unknown, not judged");
    }

    private static Throughput point(double score) {
        return new Throughput(score, null, Throughput.UNIT, null, null, List.of());
    }

    private static BenchmarkComparison rowOf(Comparison comparison, BenchmarkResult result) {
        return comparison.rows().stream().filter(r -> r.key().equals(result.key())).findFirst().orElseThrow();
    }

    @Test
    void differentMachinesAreRefusedUnlessAllowed() {
        RunResult other = Fixtures.run("compare/other-machine.json");

        assertThatThrownBy(() -> Comparison.of(List.of(baseline), other))
                .isInstanceOf(MachineMismatchException.class)
                .hasMessageContaining("results from different machines")
                .hasMessageContaining(other.machine().id())
                .hasMessageContaining(baseline.machine().id())
                .hasMessageContaining("--across-machines");

        Comparison across = Comparison.of(List.of(baseline), other, CompareOptions.DEFAULTS.withAcrossMachines(true));
        assertThat(across.acrossMachines()).isTrue();
        assertThat(across.rows()).hasSize(4);
    }

    @Test
    void theServersMachineIsPartOfTheMachinesIdentity() {
        RunResult serverElsewhere = Fixtures.withServerMachine(baseline, Fixtures.run("run-xeon.json").machine());

        assertThat(serverElsewhere.machineIdentity())
                .isEqualTo(baseline.machine().id() + "-server-" + Fixtures.run("run-xeon.json").machine().id());
        assertThatThrownBy(() -> Comparison.of(List.of(baseline), serverElsewhere))
                .isInstanceOf(MachineMismatchException.class)
                .hasMessageContaining(serverElsewhere.machineIdentity())
                .hasMessageContaining("; server " + Fixtures.run("run-xeon.json").machine().summary());
        assertThat(Comparison.of(List.of(serverElsewhere), serverElsewhere).acrossMachines()).isFalse();
    }

    @Test
    void unmatchedBenchmarksAreListedWithoutVerdict() {
        RunResult full = Fixtures.run("run-epyc.json");

        Comparison comparison = Comparison.of(List.of(baseline), full);

        assertThat(comparison.rows()).hasSize(4);
        assertThat(comparison.onlyInCandidate()).hasSize(full.results().size() - 4);
        assertThat(Comparison.of(List.of(full), baseline).onlyInBaselines()).hasSize(full.results().size() - 4);
    }

    private static RunResult withFirstThroughput(RunResult run, Throughput throughput) {
        BenchmarkResult r = run.results().getFirst();
        var changed = new BenchmarkResult(r.benchmark(), r.model(), r.side(), r.family(), r.reference(), r.scenario(),
                r.params(), r.loadModel(), r.measuredSeconds(), throughput, r.latency(), r.requestsCompleted(),
                r.errors(), r.fairness(), r.client(), r.resources(), r.serverInfo(), r.windows(), r.extras(), r.valid(),
                r.invalidReasons(), r.clientBound(), null);
        var results = new java.util.ArrayList<>(run.results());
        results.set(0, changed);
        return new RunResult(run.schema(), run.complete(), run.incompleteReason(), run.suite(), run.startedAt(),
                run.finishedAt(), run.machine(), run.serverMachine(), run.environment(), run.abBaseline(), run.clientCeiling(),
                run.unavailableModels(), results, run.jmhRawFile(), List.of());
    }

    @Test
    void verdictsCombineWorstFirst() {
        assertThat(Verdict.combine(Verdict.IMPROVEMENT, Verdict.REGRESSION)).isEqualTo(Verdict.REGRESSION);
        assertThat(Verdict.combine(Verdict.NO_CHANGE, Verdict.IMPROVEMENT)).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(Verdict.combine(Verdict.NO_CHANGE, Verdict.NO_CHANGE)).isEqualTo(Verdict.NO_CHANGE);
    }
}
