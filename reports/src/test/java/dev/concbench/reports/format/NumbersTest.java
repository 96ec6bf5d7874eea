package dev.concbench.reports.format;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    @Test
    void compactKeepsThreeSignificantDigits() {
        assertThat(Numbers.compact(0.98765)).isEqualTo("0.988");
        assertThat(Numbers.compact(15.94)).isEqualTo("15.9");
        assertThat(Numbers.compact(999.4)).isEqualTo("999");
        assertThat(Numbers.compact(999.6)).isEqualTo("1.00k");
        assertThat(Numbers.compact(48_210.5)).isEqualTo("48.2k");
        assertThat(Numbers.compact(1_254_000)).isEqualTo("1.25M");
        assertThat(Numbers.compact(0)).isEqualTo("0");
        assertThat(Numbers.compact(Double.NaN)).isEqualTo("n/a");
    }

    @Test
    void errorsDropTrailingZeros() {
        assertThat(Numbers.withError(16.0, 0.08)).isEqualTo("16.0 ± 0.08");
        assertThat(Numbers.withError(94_200, 1_730.0)).isEqualTo("94.2k ± 1.73k");
        assertThat(Numbers.withError(94_200, null)).isEqualTo("94.2k");
    }

    @Test
    void latenciesSwitchToSecondsAtOneSecond() {
        assertThat(Numbers.millis(0.1543)).isEqualTo("0.154 ms");
        assertThat(Numbers.millis(312.4)).isEqualTo("312 ms");
        assertThat(Numbers.millis(1000.4)).isEqualTo("1.00 s");
        assertThat(Numbers.millis(16_124.9)).isEqualTo("16.1 s");
    }

    @Test
    void bytesUseBinaryUnits() {
        assertThat(Numbers.bytes(512)).isEqualTo("512 B");
        assertThat(Numbers.bytes(85_000)).isEqualTo("83.0 KiB");
        assertThat(Numbers.bytes(212_860_928)).isEqualTo("203 MiB");
        assertThat(Numbers.bytes(34_359_738_368L)).isEqualTo("32.0 GiB");
    }

    @Test
    void percentagesAndDurations() {
        assertThat(Numbers.signedPercent(-29.96)).isEqualTo("-30.0%");
        assertThat(Numbers.signedPercent(12.34)).isEqualTo("+12.3%");
        assertThat(Numbers.signedPercent(-0.01)).isEqualTo("0.0%");
        assertThat(Numbers.duration(Duration.ofSeconds(42))).isEqualTo("42 s");
        assertThat(Numbers.duration(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
    }
}
