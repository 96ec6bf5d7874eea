package dev.concbench.reports.markdown;

import dev.concbench.reports.compare.CompareOptions;
import dev.concbench.reports.compare.Comparison;
import dev.concbench.reports.machines.MachineMatrix;
import dev.concbench.reports.support.Fixtures;
import dev.concbench.reports.support.Sweeps;
import dev.concbench.results.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.concbench.reports.support.Fixtures.assertGolden;

/** Fixed result files in, Markdown compared with files under src/test/resources/golden. */
class MarkdownGoldenTest {

    private final RunResult baseline = Fixtures.run("compare/baseline.json");

    @Test
    void summaryOfAFullRun() {
        assertGolden(MarkdownSummary.render(Fixtures.run("run-epyc.json")), "summary-run-epyc.md");
    }

    @Test
    void summaryWithCapacityAndServersThatCouldNotTakeTheLoad() {
        assertGolden(MarkdownSummary.render(Sweeps.withFindings(Sweeps.withSweeps(Fixtures.run("run-epyc.json")))),
                "summary-capacity.md");
    }

    @Test
    void compareShowsCapacityBracketsSideBySide() {
        RunResult candidate = Sweeps.withSweeps(Fixtures.run("compare/drop30.json"), java.util.Collections.singletonList(null),
                0.7, List.of("pool"));
        assertGolden(MarkdownCompare.render(Comparison.of(List.of(Sweeps.withSweeps(baseline)), candidate)),
                "compare-capacity.md");
    }

    @Test
    void summaryWithTopChangesAgainstTheBaseline() {
        RunResult candidate = Fixtures.run("compare/drop30.json");
        assertGolden(MarkdownSummary.render(candidate, Comparison.of(List.of(baseline), candidate)),
                "summary-drop30.md");
    }

    @Test
    void compareThirtyPercentDrop() {
        assertGolden(compare(List.of(baseline), "compare/drop30.json", CompareOptions.DEFAULTS), "compare-drop30.md");
    }

    @Test
    void compareSameFileTwice() {
        assertGolden(MarkdownCompare.render(Comparison.of(List.of(baseline), baseline)), "compare-same.md");
    }

    @Test
    void compareDriftInsideTheNoise() {
        assertGolden(compare(List.of(baseline), "compare/drift3.json", CompareOptions.DEFAULTS), "compare-drift3.md");
    }

    @Test
    void compareLatencyRise() {
        assertGolden(compare(List.of(baseline), "compare/latency-rise.json", CompareOptions.DEFAULTS),
                "compare-latency-rise.md");
    }

    @Test
    void compareWithTwoBaselines() {
        assertGolden(compare(List.of(baseline, Fixtures.run("compare/baseline-2.json")), "compare/drop30.json",
                CompareOptions.DEFAULTS), "compare-two-baselines.md");
    }

    @Test
    void compareAcrossMachinesSaysSo() {
        assertGolden(compare(List.of(baseline), "compare/other-machine.json",
                CompareOptions.DEFAULTS.withAcrossMachines(true)), "compare-across-machines.md");
    }

    @Test
    void machinesSideBySide() {
        assertGolden(MarkdownMachines.render(MachineMatrix.of(
                List.of(Fixtures.run("run-epyc.json"), Fixtures.run("run-xeon.json")), false)), "machines.md");
    }

    @Test
    void machinesNormalisedByClientCeiling() {
        assertGolden(MarkdownMachines.render(MachineMatrix.of(
                List.of(Fixtures.run("run-epyc.json"), Fixtures.run("run-xeon.json")), true)), "machines-normalised.md");
    }

    private static String compare(List<RunResult> baselines, String candidate, CompareOptions options) {
        return MarkdownCompare.render(Comparison.of(baselines, Fixtures.run(candidate), options));
    }
}
