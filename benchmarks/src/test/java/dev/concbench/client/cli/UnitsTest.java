package dev.concbench.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void parsesDurationsAsWrkDoes() {
        assertThat(Units.parseDuration("10")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Units.parseDuration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(Units.parseDuration("1.5s")).isEqualTo(Duration.ofMillis(1_500));
        assertThat(Units.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Units.parseDuration("500us")).isEqualTo(Duration.ofNanos(500_000));
        assertThat(Units.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Units.parseDuration("1H")).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> Units.parseDuration("ten")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ten' is not a duration");
        assertThatThrownBy(() -> Units.parseDuration("-1s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Units.parseDuration("5d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsTimesAndBytesAsWrkDoes() {
        assertThat(Units.time(635_910)).isEqualTo("635.91us");
        assertThat(Units.time(12_920_000)).isEqualTo("12.92ms");
        assertThat(Units.time(1_500_000_000)).isEqualTo("1.50s");
        assertThat(Units.time(120e9)).isEqualTo("2.00m");
        assertThat(Units.bytes(512)).isEqualTo("512.00B");
        assertThat(Units.bytes(68.52 * 1024 * 1024)).isEqualTo("68.52MB");
    }
}
