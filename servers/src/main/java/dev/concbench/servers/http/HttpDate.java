package dev.concbench.servers.http;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** The {@code Date} header value (IMF-fixdate), formatted at most once per second and shared. */
public final class HttpDate {

    private record Stamp(long epochSecond, String text, byte[] bytes) {
    }

    // Formatted by hand: DateTimeFormatter's first use loads locale data, which costs a
    // process-model worker, a JVM that lives for one request, tens of milliseconds.
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

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

    /** IMF-fixdate (RFC 9110, 5.6.7): {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    static String format(long epochSecond) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(29).append(DAYS[time.getDayOfWeek().ordinal()]).append(", ");
        twoDigits(text, time.getDayOfMonth()).append(' ').append(MONTHS[time.getMonthValue() - 1]).append(' ')
                .append(time.getYear()).append(' ');
        twoDigits(text, time.getHour()).append(':');
        twoDigits(text, time.getMinute()).append(':');
        return twoDigits(text, time.getSecond()).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static Stamp stamp(long epochSecond) {
        String text = format(epochSecond);
        return new Stamp(epochSecond, text, text.getBytes(StandardCharsets.US_ASCII));
    }
}
