package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When a connection tries again after failures, and when it gives up, without sockets. */
class RetriesTest {

    @Test
    void theBackoffDoublesUpTo100msAndTheConnectionGivesUpAtTheLimit() {
        Retries retries = new Retries(10);

        assertThat(retries.failed()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(1));
        assertThat(retries.failed()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(2));
        assertThat(retries.failed()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(4));
        for (int i = 4; i < 10; i++) {
            assertThat(retries.failed()).isLessThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(100));
        }
        assertThat(retries.failed()).as("the tenth failure in a row").isEqualTo(Retries.GIVE_UP);
    }

    @Test
    void anAnswerEndsTheFailuresInARow() {
        Retries retries = new Retries(2);

        assertThat(retries.failed()).isPositive();
        retries.answered();
        assertThat(retries.failed()).isPositive();
        assertThat(retries.failed()).isEqualTo(Retries.GIVE_UP);
    }
}
