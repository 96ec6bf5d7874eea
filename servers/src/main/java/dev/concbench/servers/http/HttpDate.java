package dev.concbench.servers.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The {@code Date} header value (IMF-fixdate), formatted at most once per second and shared. */
public final class HttpDate {

    private record Stamp(long epochSecond, String text, byte[] bytes) {
    }

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private static volatile Stamp current = stamp(System.currentTimeMillis() / 1000);

    private HttpDate() {
    }

    /** The current date as text, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    public static String text() {
        return now().text();
    }

    /** The current date as ASCII bytes; the array is shared: do not modify it. */
    static byte[] bytes() {
        return now().bytes();
    }

    private static Stamp now() {
        long second = System.currentTimeMillis() / 1000;
        Stamp stamp = current;
        if (stamp.epochSecond() != second) {
            stamp = stamp(second);
            current = stamp; // a race only formats the same second twice
        }
        return stamp;
    }

    private static Stamp stamp(long epochSecond) {
        String text = IMF_FIXDATE.format(Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.UTC));
        return new Stamp(epochSecond, text, text.getBytes(StandardCharsets.US_ASCII));
    }
}
