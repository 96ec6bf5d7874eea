package dev.concbench.reports.format;

import java.util.Locale;

/**
 * Formats figures for people: a few significant digits, SI-style suffixes for rates, binary
 * units for bytes, milliseconds or seconds for latencies. Locale-independent (always {@code .}
 * as the decimal separator), so reports and golden files are the same everywhere.
 */
public final class Numbers {

    private Numbers() {
    }

    /** A rate or count with three significant digits and k/M suffixes: {@code 0.98}, {@code 15.9}, {@code 48.2k}, {@code 1.25M}. */
    public static String compact(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 999_500) {
            return significant(value / 1_000_000) + "M";
        }
        if (magnitude >= 999.5) {
            return significant(value / 1_000) + "k";
        }
        return significant(value);
    }

    /** A throughput with its error: {@code 48.2k ± 1.1k}; without an error, just the value. */
    public static String withError(double value, Double error) {
        return error == null ? compact(value) : compact(value) + " ± " + error(error);
    }

    /** An error margin: like {@link #compact} but without trailing zeros ({@code 0.08}, not {@code 0.0800}). */
    public static String error(double error) {
        String text = compact(error);
        return text.contains(".") && Character.isDigit(text.charAt(text.length() - 1))
                ? text.replaceFirst("\\.?0+$", "") : text;
    }

    /** A latency: {@code 0.154 ms}, {@code 4.75 ms}, {@code 312 ms}, {@code 1.00 s}, {@code 16.1 s}. */
    public static String millis(double ms) {
        if (!Double.isFinite(ms)) {
            return "n/a";
        }
        if (ms >= 999.5) {
            return significant(ms / 1000) + " s";
        }
        return significant(ms) + " ms";
    }

    /** Bytes in binary units: {@code 512 B}, {@code 83.0 KiB}, {@code 203 MiB}, {@code 1.50 GiB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1023.5 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return significant(value) + " " + units[unit];
    }

    /** A signed percentage with one decimal: {@code +12.3%}, {@code -30.0%}, {@code 0.0%}. */
    public static String signedPercent(double percent) {
        if (!Double.isFinite(percent)) {
            return "n/a";
        }
        double rounded = Math.round(percent * 10) / 10.0;
        if (rounded == 0) {
            return "0.0%";
        }
        return (rounded > 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f%%", rounded);
    }

    /** A whole number with thousands separators: {@code 964,210}. */
    public static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Three significant digits, without exponent; trailing zeros kept for precision ({@code 1.00}). */
    static String significant(double value) {
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        if (magnitude >= 99.95) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 9.995) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 0.9995) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        int decimals = Math.min(6, 2 - (int) Math.floor(Math.log10(magnitude)));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** A number as written by hand, to six decimals: {@code 5} for a whole number, else {@code 2.5}, {@code 0.1}. */
    public static String plain(double value) {
        double rounded = Math.round(value * 1e6) / 1e6;
        return rounded == Math.rint(rounded) ? String.valueOf((long) rounded) : String.valueOf(rounded);
    }

    /** A run's length: {@code 42 s}, {@code 37 min}, {@code 2 h 5 min}. */
    public static String duration(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min"
                : minutes > 0 ? minutes + " min" : duration.toSeconds() + " s";
    }
}
