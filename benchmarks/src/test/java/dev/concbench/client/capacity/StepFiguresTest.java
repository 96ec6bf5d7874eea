package dev.concbench.client.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepFiguresTest {

    @Test
    void aLatencyReadsInMicrosecondsBelowAMillisecondAndToAboutThreeFiguresAbove() {
        assertThat(StepFigures.millis(0)).isEqualTo("0 us");
        assertThat(StepFigures.millis(0.41)).isEqualTo("410 us");
        assertThat(StepFigures.millis(1)).isEqualTo("1.00 ms");
        assertThat(StepFigures.millis(2.5)).isEqualTo("2.50 ms");
        assertThat(StepFigures.millis(9.82)).isEqualTo("9.82 ms");
        assertThat(StepFigures.millis(10)).isEqualTo("10.0 ms");
        assertThat(StepFigures.millis(44.53)).isEqualTo("44.5 ms");
        assertThat(StepFigures.millis(999.94)).isEqualTo("999.9 ms");
        assertThat(StepFigures.millis(1_000)).isEqualTo("1.00 s");
        assertThat(StepFigures.millis(12_345.6)).isEqualTo("12.35 s");
    }

    @Test
    void aRateReadsWholeWithThousandsSeparated() {
        assertThat(StepFigures.rate(0)).isEqualTo("0/s");
        assertThat(StepFigures.rate(766.4)).isEqualTo("766/s");
        assertThat(StepFigures.rate(12_800)).isEqualTo("12,800/s");
        assertThat(StepFigures.rate(1_000_000)).isEqualTo("1,000,000/s");
    }
}
