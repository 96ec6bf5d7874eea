package dev.concbench.servers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The hand-made IMF-fixdate formatting agrees with java.time's, across the range of dates a server sees. */
class HttpDateFormatTest {

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    @Test
    void formatsTheRfcExample() {
        assertThat(HttpDate.format(784_111_777L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void agreesWithJavaTimeOnRandomSecondsFrom1970To2200() {
        long end = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 10_000; i++) {
            long second = ThreadLocalRandom.current().nextLong(end);
            assertThat(HttpDate.format(second))
                    .isEqualTo(IMF_FIXDATE.format(Instant.ofEpochSecond(second).atOffset(ZoneOffset.UTC)));
        }
    }
}
