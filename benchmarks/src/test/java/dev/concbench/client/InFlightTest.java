package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InFlightTest {

    @Test
    void keepsRequestsOldestFirstAroundTheRing() {
        InFlight inFlight = new InFlight(2);
        inFlight.push(10, 11);
        inFlight.push(20, 21);
        assertThat(inFlight.isFull()).isTrue();
        assertThat(inFlight.oldestIntendedNanos()).isEqualTo(10);
        inFlight.pop();
        inFlight.push(30, 31); // wraps around
        assertThat(inFlight.size()).isEqualTo(2);
        assertThat(inFlight.oldestSentNanos()).isEqualTo(21);
        assertThat(inFlight.intendedNanos(0)).isEqualTo(20);
        assertThat(inFlight.intendedNanos(1)).isEqualTo(30);
        inFlight.clear();
        assertThat(inFlight.size()).isZero();
        assertThat(inFlight.isFull()).isFalse();
    }
}
