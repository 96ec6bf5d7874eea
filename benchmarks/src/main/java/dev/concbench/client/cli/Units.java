package dev.concbench.client.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and printing of the quantities the command shows, in wrk's style. */
final class Units {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)?");

    private Units() {
    }

    /**
     * Parses a duration like wrk: a number with an optional unit {@code us}, {@code ms}, {@code s},
     * {@code m} or {@code h}; a bare number is seconds.
     *
     * @throws IllegalArgumentException with a message naming the bad value
     */
    static Duration parseDuration(String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 10s, 500ms, 2m)");
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        double nanos = value * switch (unit) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "m" -> 60e9;
            default -> 3600e9;
        };
        if (nanos > Long.MAX_VALUE / 2) {
            throw new IllegalArgumentException("'" + text + "' is too long a duration");
        }
        return Duration.ofNanos(Math.round(nanos));
    }

    /** A latency as wrk shows it: {@code 635.91us}, {@code 12.92ms}, {@code 1.50s}, {@code 2.00m}. */
    static String time(double nanos) {
        double micros = nanos / 1e3;
        if (micros < 1_000) {
            return String.format(Locale.ROOT, "%.2fus", micros);
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.2fms", micros / 1e3);
        }
        if (micros < 60_000_000) {
            return String.format(Locale.ROOT, "%.2fs", micros / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fm", micros / 60e6);
    }

    static String time(Duration duration) {
        return time((double) duration.toNanos());
    }

    /** A byte count in binary units as wrk shows it: {@code 512.00B}, {@code 68.52MB}. */
    static String bytes(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f%s", bytes, units[unit]);
    }

    /** A duration as given on the command line, for the report's first line: {@code 10s}, {@code 500ms}. */
    static String shortDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            return (millis / 1000) + "s";
        }
        return millis + "ms";
    }
}
