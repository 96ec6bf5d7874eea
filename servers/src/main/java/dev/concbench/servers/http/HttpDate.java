package dev.concbench.servers.http;

import java.nio.charset.StandardCharsets;

/** The {@code Date} header value (IMF-fixdate), formatted at most once per second and shared. */
public final class HttpDate {

    private record Stamp(long epochSecond, String text, byte[] bytes) {
    }

    // Formatted by hand, without java.time: DateTimeFormatter's first use loads locale data, and
    // even LocalDateTime pulls in the formatter and regex classes, which costs a process-model
    // worker, a JVM that lives for one request, milliseconds it has no use for.
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
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        // The proleptic Gregorian date of a day count from 1970-01-01, in 400-year eras of
        // 146,097 days, each taken from 1 March so that the leap day comes last.
        long shifted = days + 719_468;
        long era = Math.floorDiv(shifted, 146_097L);
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (int) ((5 * dayOfYear + 2) / 153);
        int dayOfMonth = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        int dayOfWeek = (int) Math.floorMod(days + 3, 7L); // 1970-01-01 was a Thursday; Monday is 0
        StringBuilder text = new StringBuilder(29).append(DAYS[dayOfWeek]).append(", ");
        twoDigits(text, dayOfMonth).append(' ').append(MONTHS[month - 1]).append(' ').append(year).append(' ');
        twoDigits(text, secondOfDay / 3_600).append(':');
        twoDigits(text, secondOfDay / 60 % 60).append(':');
        return twoDigits(text, secondOfDay % 60).append(" GMT").toString();
    }

    private static StringBuilder twoDigits(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static Stamp stamp(long epochSecond) {
        String text = format(epochSecond);
        return new Stamp(epochSecond, text, text.getBytes(StandardCharsets.US_ASCII));
    }
}
