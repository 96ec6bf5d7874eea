package dev.concbench.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.LoadSpec;
import dev.concbench.client.Request;
import dev.concbench.client.capacity.CapacitySearch;
import dev.concbench.client.capacity.CurveSweep;
import dev.concbench.client.capacity.SweepRunner;
import dev.concbench.results.Capacity;
import dev.concbench.results.CapacityOutcome;
import dev.concbench.results.ErrorCounts;
import dev.concbench.results.Objective;
import dev.concbench.results.Percentiles;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepStep;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sweep report's layout, against a golden file (see {@link TextReportTest} for updating one). */
class SweepReportTest {

    private static final LoadSpec TEMPLATE = LoadSpec.closedLoop(new InetSocketAddress("127.0.0.1", 8080), 64,
            Duration.ofSeconds(10)).withRequest(Request.get("/hello"));
    private static final SweepRunner.Pace PACE = new SweepRunner.Pace(Duration.ofSeconds(2), Duration.ofMillis(250), Duration.ofSeconds(1),
            Duration.ofSeconds(3), 300, Duration.ofSeconds(1));

    /** A curve of four rates that passes twice, then collapses: the fourth rate is never offered. */
    @Test
    void aCurveThatCollapsesAtItsThirdRate() throws IOException {
        CurveSweep curve = new CurveSweep(Objective.DEFAULT, CurveSweep.ladder(1_000, 64_000, 4));
        curve.record(step(0, 1_000, 1_000, 0.8, ErrorCounts.NONE, 0.21, StepVerdict.PASS, null));
        curve.record(step(1, 4_000, 3_998.5, 2.4, ErrorCounts.NONE, 0.47, StepVerdict.PASS, null));
        curve.record(step(2, 16_000, 9_120, 950, new ErrorCounts(0, 0, 0, 312, 0, 0, 0), 0.62,
                StepVerdict.SERVER_FAILED, "p99 950.0 ms > 10.00 ms; answered 9,120/s, 57 % of the 16,000/s offered"));

        String report = SweepReport.header(TextReportTest.URL, new LoadValues.SweepRates(1_000, 64_000, 4), curve,
                TEMPLATE, PACE, 1, "epoll") + SweepReport.columns() + SweepReport.row(curve.steps().getFirst())
                + SweepReport.body(curve);

        TextReportTest.assertMatchesGolden("curve.txt", report);
    }

    @Test
    void aSearchsHeaderSaysItsRangeAndResolution() {
        CapacitySearch search = new CapacitySearch(Objective.parse("p99.9<500us"),
                new CapacitySearch.Range(100, 1_000_000, 4, 0.05, 24));

        assertThat(SweepReport.header(TextReportTest.URL, new LoadValues.SweepRates(100, 1_000_000, null), search,
                TEMPLATE, new SweepRunner.Pace(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(2),
                        1, Duration.ofSeconds(1)), 2, "nio").lines().toList()).containsExactly(
                "Capacity search @ http://127.0.0.1:8080/hello: from 100/s up to at most 1,000,000/s, bracketed to"
                        + " within 5 %",
                "  2 threads and 64 connections (open loop, keep-alive, nio)",
                "  each step: no lead-in, then a window of 2s; a 1s pause after a failed one",
                "  a step passes at p99.9<500us (corrected), errors <= 0.1 %, achieved >= 99 % of offered, the client"
                        + " not saturated");
    }

    @Test
    void aCapacityIsAlwaysABracketWithBothSidesNamed() {
        assertThat(SweepReport.capacity(Objective.DEFAULT, new Capacity(null, 100.0, CapacityOutcome.FAILED_AT_LOWEST,
                "missed")))
                .isEqualTo("Capacity at p99<10ms: [none passed, 100/s] failed-at-lowest: missed\n");
        assertThat(SweepReport.capacity(Objective.DEFAULT, new Capacity(1e6, null, CapacityOutcome.INCONCLUSIVE,
                "met everything")))
                .isEqualTo("Capacity at p99<10ms: [1,000,000/s, none failed] inconclusive: met everything\n");
        assertThat(SweepReport.capacity(Objective.DEFAULT, new Capacity(12_800.0, 13_400.0,
                CapacityOutcome.CLIENT_LIMITED, "the client")))
                .isEqualTo("Capacity at p99<10ms: [12,800/s, 13,400/s] client-limited: the client\n");
    }

    @Test
    void aStepWithoutAnswersShowsNoLatency() {
        SweepStep silent = new SweepStep(0, 100, 0, 1, 0, new ErrorCounts(100, 0, 0, 0, 0, 0, 0), none(), none(), 0.1,
                null, StepVerdict.SERVER_FAILED, "errors 100.00 % > 0.10 % (100 connect)");

        assertThat(SweepReport.row(silent)).containsPattern("100/s +0/s +- +- +- +- +- +100 +10% +server-failed +errors")
                .endsWith("(100 connect)\n");
    }

    private static SweepStep step(int index, double offered, double achieved, double p99Ms, ErrorCounts errors,
                                  double client, StepVerdict verdict, String reason) {
        Percentiles corrected = new Percentiles(1_000, 0.05, p99Ms / 8, p99Ms / 5, p99Ms / 2, p99Ms, p99Ms * 1.5,
                p99Ms * 1.6, p99Ms * 2);
        Percentiles uncorrected = new Percentiles(1_000, 0.05, 0.1, 0.12, 0.2, Math.min(p99Ms, 0.9), 1.1, 1.2, 1.5);
        return new SweepStep(index, offered, achieved, 1, Math.round(achieved), errors, corrected, uncorrected, client,
                null, verdict, reason);
    }

    private static Percentiles none() {
        return new Percentiles(0, 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
