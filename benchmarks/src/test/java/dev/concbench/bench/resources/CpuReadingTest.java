package dev.concbench.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CpuReadingTest {

    private static final double TICK = 0.01;

    @Test
    void takesTheThreadsNanosecondsWhenTheyAgreeWithTheTicks() {
        CpuReading start = new CpuReading(1.00, TICK, Map.of(1L, 400_000_000L, 2L, 600_000_000L), Set.of());
        // 0.2573 s of exact time; the ticks, truncated at both ends, say 0.26.
        CpuReading end = new CpuReading(1.26, TICK, Map.of(1L, 500_000_000L, 2L, 757_300_000L), Set.of());

        assertThat(end.secondsSince(start)).isCloseTo(0.2573, within(1e-9));
    }

    @Test
    void fallsBackToTheTicksWhenAThreadEndedWithinTheWindow() {
        CpuReading start = new CpuReading(1.00, TICK, Map.of(1L, 400_000_000L, 2L, 600_000_000L), Set.of());
        CpuReading end = new CpuReading(1.30, TICK, Map.of(1L, 500_000_000L), Set.of());

        assertThat(end.secondsSince(start)).isCloseTo(0.30, within(1e-9));
    }

    @Test
    void fallsBackToTheTicksWhenAShortLivedThreadOrAReapedChildIsMissingFromTheThreads() {
        // Every thread of the start is still there, but the process used 0.5 s more than they did:
        // a thread that started and ended inside the window, or a child it reaped.
        CpuReading start = new CpuReading(1.00, TICK, Map.of(1L, 400_000_000L), Set.of());
        CpuReading end = new CpuReading(1.60, TICK, Map.of(1L, 500_000_000L, 3L, 5_000_000L), Set.of());

        assertThat(end.secondsSince(start)).isCloseTo(0.60, within(1e-9));
    }

    @Test
    void leavesTheJitCompilerThreadsOut() {
        CpuReading start = new CpuReading(1.00, TICK, Map.of(1L, 400_000_000L, 9L, 100_000_000L), Set.of(9L));
        CpuReading end = new CpuReading(1.35, TICK, Map.of(1L, 600_000_000L, 9L, 250_000_000L), Set.of(9L));

        assertThat(end.secondsSince(start)).isCloseTo(0.20, within(1e-9));
    }

    @Test
    void leavesOutACompilerThreadStartedWithinTheWindowEvenWhenTheTicksAreUsed() {
        CpuReading start = new CpuReading(1.00, TICK, Map.of(1L, 400_000_000L, 2L, 100_000_000L), Set.of());
        CpuReading end = new CpuReading(1.50, TICK, Map.of(1L, 600_000_000L, 9L, 150_000_000L), Set.of(9L));

        // thread 2 ended: ticks (0.50) less the new compiler thread's 0.15
        assertThat(end.secondsSince(start)).isCloseTo(0.35, within(1e-9));
    }

    @Test
    void aProcessFirstSeenAtTheEndCountsAllItsTime() {
        CpuReading end = new CpuReading(0.12, TICK, Map.of(7L, 123_000_000L), Set.of());

        assertThat(end.secondsSinceStart()).isCloseTo(0.123, within(1e-9));
    }
}
