package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientCpuTest {

    @Test
    void busyLoopsOverASecondOrMoreAreSaturated() {
        assertThat(new ClientCpu(Duration.ofMillis(950), Duration.ofMillis(990), 1, Duration.ofSeconds(1)).saturated())
                .isTrue();
        assertThat(new ClientCpu(Duration.ofMillis(9_000), Duration.ofMillis(9_900), 2, Duration.ofSeconds(10))
                .saturated()).as("45 % of two loops").isFalse();
    }

    @Test
    void aRunOfAFewMillisecondsIsTooShortToJudge() {
        ClientCpu cpu = new ClientCpu(Duration.ofMillis(19), Duration.ofMillis(40), 1, Duration.ofMillis(20));

        assertThat(cpu.eventLoopUtilization()).isGreaterThan(0.9);
        assertThat(cpu.saturated()).isFalse();
    }
}
