package dev.concbench.results;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A latency objective, as a capacity search judges each step by: the corrected latency at a
 * percentile at most a limit, errors at most a share of the requests, the achieved rate at least a
 * share of the offered rate (and the client not saturated, which is not a property of the
 * objective but of the instrument).
 *
 * @param percentile       the percentile judged, e.g. {@code 99} (0 < p < 100)
 * @param limitMs          its limit, milliseconds (corrected for coordinated omission)
 * @param maxErrorShare    failed requests over all requests, at most (e.g. {@code 0.001})
 * @param minAchievedShare achieved rate over offered rate, at least (e.g. {@code 0.99})
 */
public record Objective(double percentile, double limitMs, double maxErrorShare, double minAchievedShare) {

    private static final Pattern TEXT = Pattern.compile("p(\\d+(?:\\.\\d+)?)\\s*<=?\\s*(\\d+(?:\\.\\d+)?)\\s*(us|ms|s)");

    /** Errors at most 0.1 % of requests. */
    public static final double DEFAULT_MAX_ERROR_SHARE = 0.001;
    /** Achieved at least 99 % of the offered rate. */
    public static final double DEFAULT_MIN_ACHIEVED_SHARE = 0.99;
    /** p99 at most 10 ms. */
    public static final Objective DEFAULT = parse("p99<10ms");

    public Objective {
        if (!(percentile > 0 && percentile < 100)) {
            throw new IllegalArgumentException("objective percentile must be above 0 and below 100, got " + percentile);
        }
        if (!(limitMs > 0) || Double.isInfinite(limitMs)) {
            throw new IllegalArgumentException("objective limitMs must be a positive number, got " + limitMs);
        }
        if (!(maxErrorShare >= 0 && maxErrorShare < 1)) {
            throw new IllegalArgumentException("objective maxErrorShare must be in [0, 1), got " + maxErrorShare);
        }
        if (!(minAchievedShare > 0 && minAchievedShare <= 1)) {
            throw new IllegalArgumentException("objective minAchievedShare must be in (0, 1], got " + minAchievedShare);
        }
    }

    /**
     * The objective written as {@code p99<10ms} (also {@code p99.9<=500us}, {@code p50<1s}), with
     * the default error and achieved-rate terms.
     *
     * @throws IllegalArgumentException with a one-line message saying what is expected
     */
    public static Objective parse(String text) {
        Matcher matcher = TEXT.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a latency objective is written like p99<10ms (a percentile, <,"
                    + " a limit in us, ms or s), not '" + text + "'");
        }
        BigDecimal limit = new BigDecimal(matcher.group(2));
        BigDecimal limitMs = switch (matcher.group(3)) {
            case "us" -> limit.movePointLeft(3);
            case "s" -> limit.movePointRight(3);
            default -> limit;
        };
        return new Objective(Double.parseDouble(matcher.group(1)), limitMs.doubleValue(), DEFAULT_MAX_ERROR_SHARE,
                DEFAULT_MIN_ACHIEVED_SHARE);
    }

    /**
     * The latency term as a user writes it, in the largest unit that keeps the limit at 1 or more:
     * {@code p99.9<500us}, {@code p99<2.5ms}, {@code p99<1s}. {@link #parse} reads it back to the
     * same percentile and limit.
     */
    public String label() {
        BigDecimal limit = BigDecimal.valueOf(limitMs);
        String written = limitMs < 1 ? number(limit.movePointRight(3)) + "us"
                : limitMs < 1000 ? number(limit) + "ms" : number(limit.movePointLeft(3)) + "s";
        return "p" + number(BigDecimal.valueOf(percentile)) + "<" + written;
    }

    /** The decimal as {@link #parse} reads it: no exponent, no trailing zeros. */
    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
