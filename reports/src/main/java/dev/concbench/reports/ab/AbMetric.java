package dev.concbench.reports.ab;

import dev.concbench.reports.compare.Direction;
import dev.concbench.reports.compare.Verdict;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * One metric of one case of an A/B run, judged on its pairs of windows: the median ratio B/A
 * (Hodges–Lehmann, on the logarithms) with its signed-rank interval, the spread of the pairs, and
 * the smallest change the run could have flagged.
 *
 * <p>Rule: a regression when the whole interval lies beyond the minimum effect in the metric's
 * bad direction (below {@code 1 - effect} for a figure where higher is better, above
 * {@code 1 + effect} where lower is better), an improvement the mirror image, otherwise no change.
 * Not judged, with the reason, when too few pairs have a figure on both sides.
 *
 * @param metric         e.g. {@code throughput}
 * @param direction      which way is better
 * @param pairs          pairs judged (both sides had a figure)
 * @param ratio          the estimated ratio B/A; NaN when not judged
 * @param low            the interval's lower end, as a ratio; NaN when not judged
 * @param high           the interval's upper end, as a ratio; NaN when not judged
 * @param confidence     the interval's exact coverage; NaN when not judged
 * @param pairLow        the smallest ratio of one pair; NaN when not judged
 * @param pairHigh       the largest ratio of one pair; NaN when not judged
 * @param detectablePercent the smallest change, in percent, whose interval would have cleared the
 *                       minimum effect given this run's spread; NaN when not judged
 * @param verdict        the outcome
 * @param reason         why not judged, or {@code null}
 */
public record AbMetric(String metric, Direction direction, int pairs, double ratio, double low, double high,
                       double confidence, double pairLow, double pairHigh, double detectablePercent,
                       Verdict verdict, String reason) {

    /** Fewer pairs than this are not judged: five give an interval of 94 % at best. */
    public static final int MIN_PAIRS = 5;
    /**
     * The nominal confidence of the interval: 90 %, so that each end is a one-sided 95 % bound.
     * A verdict asks two one-sided questions (is B worse than A by more than the minimum effect?
     * better by more?), each at 5 %: when B is exactly the minimum effect worse, it is flagged at
     * most 5 % of the time, and when nothing changed far less (see {@code PairedShiftTest}).
     */
    public static final double CONFIDENCE = 0.90;

    public AbMetric {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(verdict, "verdict");
    }

    /**
     * Judges paired figures of A and B ({@code NaN} where a window has none; such pairs are left out).
     *
     * @param minEffectPercent the smallest change that counts, e.g. 5
     */
    public static AbMetric judge(String metric, Direction direction, double[] a, double[] b, double minEffectPercent) {
        int n = Math.min(a.length, b.length);
        double[] logs = new double[n];
        int usable = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] > 0 && b[i] > 0 && Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                logs[usable++] = Math.log(b[i] / a[i]);
            }
        }
        if (usable < MIN_PAIRS) {
            return notJudged(metric, direction, usable < n
                    ? usable + " of " + n + " pairs have a figure on both sides (at least " + MIN_PAIRS + " needed)"
                    : n + " pairs (at least " + MIN_PAIRS + " needed)");
        }
        double[] d = Arrays.copyOf(logs, usable);
        PairedShift shift = PairedShift.of(d, CONFIDENCE);
        double effect = minEffectPercent / 100;
        double low = Math.exp(shift.low());
        double high = Math.exp(shift.high());
        boolean below = high < 1 - effect;
        boolean above = low > 1 + effect;
        Verdict verdict = !below && !above ? Verdict.NO_CHANGE
                : (below == (direction == Direction.HIGHER_IS_BETTER)) ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
        // With the same spread around another estimate, the interval clears 1 - effect once the
        // estimate is below (1 - effect) / (high / estimate), and 1 + effect once above
        // (1 + effect) / (low / estimate): the smaller of the two moves is what this run could see.
        double estimate = Math.exp(shift.estimate());
        double down = 1 - (1 - effect) * estimate / high;
        double up = (1 + effect) * estimate / low - 1;
        double detectable = Math.max(down, up) * 100;
        Arrays.sort(d);
        return new AbMetric(metric, direction, usable, estimate, low, high, shift.confidence(), Math.exp(d[0]),
                Math.exp(d[usable - 1]), detectable, verdict, null);
    }

    /** A metric that cannot be judged, with the reason. */
    public static AbMetric notJudged(String metric, Direction direction, String reason) {
        return new AbMetric(metric, direction, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Verdict.NOT_JUDGED, Objects.requireNonNull(reason, "reason"));
    }

    /** Whether it was judged. */
    public boolean judged() {
        return verdict != Verdict.NOT_JUDGED;
    }

    /** E.g. {@code 0.962 [0.941, 0.984]} or {@code not judged: ...}. */
    public String ratioText() {
        return judged() ? String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", ratio, low, high) : "—";
    }
}
