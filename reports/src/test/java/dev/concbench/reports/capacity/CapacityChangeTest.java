package dev.concbench.reports.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.reports.compare.Verdict;
import dev.concbench.results.Capacity;
import dev.concbench.results.CapacityOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The capacity rule of {@link CapacityChange}, outcome by outcome, at the default 5 % minimum effect. */
class CapacityChangeTest {

    private static CapacityBracket bracketed(double pass, double fail) {
        return CapacityBracket.of(new Capacity(pass, fail, CapacityOutcome.BRACKETED, "met, then missed"));
    }

    private static CapacityBracket clientLimited(Double pass, double clientFail) {
        return CapacityBracket.of(new Capacity(pass, clientFail, CapacityOutcome.CLIENT_LIMITED, "client failed"));
    }

    private static CapacityBracket failedAtLowest(double fail) {
        return CapacityBracket.of(new Capacity(null, fail, CapacityOutcome.FAILED_AT_LOWEST, "missed at the lowest"));
    }

    private static CapacityBracket inconclusive(Double pass, Double fail) {
        return CapacityBracket.of(new Capacity(pass, fail, CapacityOutcome.INCONCLUSIVE, "ran out"));
    }

    private static Verdict verdict(CapacityBracket a, CapacityBracket b) {
        return CapacityChange.judge(a, b, 5).verdict();
    }

    @Test
    void bracketsReadAsTheBoundsTheyProve() {
        assertThat(bracketed(1000, 1050)).extracting(CapacityBracket::low, CapacityBracket::high, CapacityBracket::text)
                .containsExactly(1000.0, 1050.0, "1,000–1,050/s");
        assertThat(clientLimited(2000.0, 2100)).as("the client's failure bounds nothing about the server")
                .extracting(CapacityBracket::low, CapacityBracket::high, CapacityBracket::text)
                .containsExactly(2000.0, null, "≥ 2,000/s");
        assertThat(clientLimited(null, 1000).text()).isEqualTo("no bracket");
        assertThat(failedAtLowest(1000)).extracting(CapacityBracket::low, CapacityBracket::high, CapacityBracket::text)
                .containsExactly(null, 1000.0, "< 1,000/s");
        assertThat(inconclusive(256_000.0, null).text()).isEqualTo("≥ 256,000/s");
        assertThat(inconclusive(1000.0, 4000.0).text()).as("a bracket wider than the resolution still bounds")
                .isEqualTo("1,000–4,000/s");
        assertThat(inconclusive(null, null).text()).isEqualTo("no bracket");
    }

    @Test
    void bracketedOnBothSides() {
        CapacityBracket a = bracketed(1000, 1050);
        assertThat(verdict(a, bracketed(900, 945))).as("945 <= 0.95 x 1,000").isEqualTo(Verdict.REGRESSION);
        assertThat(verdict(a, bracketed(903, 950))).as("at the edge, 950 = 0.95 x 1,000").isEqualTo(Verdict.REGRESSION);
        assertThat(verdict(a, bracketed(920, 966))).as("wholly below, but by less than 5 %").isEqualTo(Verdict.NO_CHANGE);
        assertThat(verdict(a, bracketed(1000, 1050))).isEqualTo(Verdict.NO_CHANGE);
        assertThat(verdict(a, bracketed(1030, 1080))).as("overlapping").isEqualTo(Verdict.NO_CHANGE);
        assertThat(verdict(a, bracketed(1102.5, 1160))).as("1,102.5 >= 1.05 x 1,050").isEqualTo(Verdict.IMPROVEMENT);
        assertThat(verdict(a, bracketed(1100, 1160))).isEqualTo(Verdict.NO_CHANGE);
        assertThat(CapacityChange.judge(a, bracketed(950, 1000), 0).verdict())
                .as("without a minimum effect, B's failure at A's last pass is enough").isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void aSideFailedAtItsLowestRate() {
        assertThat(verdict(bracketed(2000, 2100), failedAtLowest(1000))).isEqualTo(Verdict.REGRESSION);
        assertThat(verdict(failedAtLowest(1000), bracketed(2000, 2100))).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(verdict(bracketed(1000, 1050), failedAtLowest(1000)))
                .as("B below 1,000, A at least 1,000: not 5 % apart for sure").isEqualTo(Verdict.NOT_JUDGED);
        CapacityChange both = CapacityChange.judge(failedAtLowest(1000), failedAtLowest(1000), 5);
        assertThat(both.verdict()).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(both.reason()).isEqualTo("side A is failed-at-lowest (< 1,000/s), and the brackets do not prove a"
                + " change of 5 % or more");
    }

    @Test
    void aClientLimitedSide() {
        assertThat(verdict(bracketed(2000, 2100), clientLimited(3000.0, 3200))).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(verdict(clientLimited(2000.0, 2100), bracketed(1000, 1050))).isEqualTo(Verdict.REGRESSION);
        CapacityChange open = CapacityChange.judge(bracketed(2000, 2100), clientLimited(1000.0, 1050), 5);
        assertThat(open.verdict()).as("B is at least 1,000: below or above A's 2,000").isEqualTo(Verdict.NOT_JUDGED);
        assertThat(open.reason()).startsWith("side B is client-limited (≥ 1,000/s)");
        assertThat(verdict(clientLimited(2000.0, 2100), clientLimited(2000.0, 2100))).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(verdict(clientLimited(null, 1000), bracketed(2000, 2100)))
                .as("a client that failed at the lowest rate leaves A unbounded").isEqualTo(Verdict.NOT_JUDGED);
    }

    @Test
    void anInconclusiveSideCountsWithTheEndsItHas() {
        assertThat(verdict(inconclusive(null, null), bracketed(1000, 1050))).isEqualTo(Verdict.NOT_JUDGED);
        assertThat(CapacityChange.judge(bracketed(1000, 1050), inconclusive(null, null), 5).reason())
                .startsWith("side B is inconclusive (no bracket)");
        assertThat(verdict(inconclusive(1000.0, 4000.0), bracketed(1000, 1050))).isEqualTo(Verdict.NO_CHANGE);
        assertThat(verdict(bracketed(1000, 1050), inconclusive(256_000.0, null))).isEqualTo(Verdict.IMPROVEMENT);
        assertThat(verdict(inconclusive(256_000.0, null), inconclusive(256_000.0, null))).isEqualTo(Verdict.NOT_JUDGED);
    }

    @Test
    void theUnionOfSeveralRunsIsTheWidestReading() {
        CapacityBracket union = CapacityBracket.union(List.of(bracketed(1000, 1050), bracketed(1200, 1260)));
        assertThat(union).extracting(CapacityBracket::low, CapacityBracket::high, CapacityBracket::outcome)
                .containsExactly(1000.0, 1260.0, "bracketed");
        CapacityBracket open = CapacityBracket.union(List.of(bracketed(1000, 1050), clientLimited(1200.0, 1300)));
        assertThat(open.text()).isEqualTo("≥ 1,000/s");
        assertThat(open.outcome()).isEqualTo("bracketed/client-limited");
    }
}
