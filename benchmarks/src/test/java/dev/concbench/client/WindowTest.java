package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What counts inside a measurement window, and how a connection's fairness is kept, without sockets. */
class WindowTest {

    private static final Window TIMED = new Window(0, 100, 200, false);
    private static final Window COUNTED = new Window(0, 100, Long.MAX_VALUE, true);

    @Test
    void aTimedRunCountsWhatEndsInTheWindowWheneverItWasIssued() {
        assertThat(TIMED.inMeasurement(99)).isFalse();
        assertThat(TIMED.inMeasurement(100)).isTrue();
        assertThat(TIMED.inMeasurement(200)).isFalse();
        assertThat(TIMED.counts(50, 150)).as("issued in the warm-up, ended in the window").isTrue();
        assertThat(TIMED.counts(50, 99)).as("ended in the warm-up").isFalse();
        assertThat(TIMED.counts(150, 250)).isTrue();
        assertThat(TIMED.unfinished(250)).as("ended after the window").isTrue();
        assertThat(TIMED.unfinished(199)).isFalse();
    }

    @Test
    void aCountedRunCountsWhatWasIssuedAfterTheWarmUp() {
        assertThat(COUNTED.counts(99, 150)).isFalse();
        assertThat(COUNTED.counts(100, 100_000)).isTrue();
        assertThat(COUNTED.unfinished(100_000)).isFalse();
    }

    @Test
    void beforeTheStartNothingIsMeasured() {
        Window before = Window.beforeStart(false);
        assertThat(before.inMeasurement(0)).isFalse();
        assertThat(before.inMeasurement(System.nanoTime())).isFalse();
    }

    @Test
    void aConnectionsLongestWaitIsClippedToTheWindow() {
        ConnectionFairness fairness = new ConnectionFairness();
        fairness.waited(TIMED, 50, 120);
        assertThat(fairness.longestWaitNanos()).as("from the window's start").isEqualTo(20);
        fairness.waited(TIMED, 150, 400);
        assertThat(fairness.longestWaitNanos()).as("to the window's end").isEqualTo(50);
        fairness.waited(TIMED, 10, 90);
        assertThat(fairness.longestWaitNanos()).as("a wait in the warm-up is no wait").isEqualTo(50);
    }

    @Test
    void aConnectionStarvesWhenNoAnswerFallsInTheWindow() {
        ConnectionFairness starved = new ConnectionFairness();
        starved.answered(TIMED, 99);
        starved.answered(TIMED, 200);
        ConnectionFairness served = new ConnectionFairness();
        served.answered(TIMED, 100);
        served.answered(TIMED, 199);
        served.gaveUp();

        Fairness fairness = Fairness.of(new long[] {starved.answers(), served.answers()}, 0, 1);

        assertThat(fairness.starved()).isEqualTo(1);
        assertThat(fairness.maxResponses()).isEqualTo(2);
        assertThat(served.hasGivenUp()).isTrue();
        assertThat(starved.hasGivenUp()).isFalse();
    }
}
