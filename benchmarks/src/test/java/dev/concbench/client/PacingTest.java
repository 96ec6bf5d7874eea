package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PacingTest {

    @Test
    void aClosedLoopConnectionMaySendAtOnce() {
        Pacing pacing = Pacing.of(new LoadModel.ClosedLoop(4), 2, 1_000);
        assertThat(pacing.dueNanos(0, 5_000)).isEqualTo(5_000);
        assertThat(pacing.dueNanos(7, 9_000)).isEqualTo(9_000);
    }

    /** 4 connections at 1,000 requests/s: each sends every 4 ms, the connections 1 ms apart. */
    @Test
    void openLoopConnectionsKeepStaggeredSchedules() {
        LoadModel.OpenLoop model = new LoadModel.OpenLoop(4, 1_000);
        Pacing first = Pacing.of(model, 0, 1_000);
        Pacing third = Pacing.of(model, 2, 1_000);

        assertThat(first.dueNanos(0, 0)).isEqualTo(1_000);
        assertThat(first.dueNanos(3, Long.MAX_VALUE)).isEqualTo(1_000 + 12_000_000);
        assertThat(third.dueNanos(0, 0)).isEqualTo(1_000 + 2_000_000);
        assertThat(third.dueNanos(1, 0)).isEqualTo(1_000 + 2_000_000 + 4_000_000);
    }
}
