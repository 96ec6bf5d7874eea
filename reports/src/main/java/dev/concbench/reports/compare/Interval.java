package dev.concbench.reports.compare;

/**
 * A closed range of plausible values for a figure; a point when nothing is known about its noise.
 *
 * @param low  lower bound
 * @param high upper bound, at least {@code low}
 */
public record Interval(double low, double high) {

    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("interval low " + low + " is above high " + high);
        }
    }

    public static Interval point(double value) {
        return new Interval(value, value);
    }

    /** Whether this interval lies entirely below the other (they do not touch). */
    public boolean below(Interval other) {
        return high < other.low;
    }

    /** Whether this interval lies entirely above the other (they do not touch). */
    public boolean above(Interval other) {
        return low > other.high;
    }
}
