package dev.concbench.reports.compare;

import java.util.List;
import java.util.Locale;

/**
 * How one metric of one benchmark moved from the baseline(s) to the candidate, and whether that
 * counts. A change counts only when the noise intervals are separated <em>and</em> the change is
 * at least the minimum effect, in the metric's bad or good {@link Direction}.
 *
 * @param metric            the metric's name, e.g. {@code throughput} or {@code p99}
 * @param direction         which way is better
 * @param baseline          the baseline value: the mean over all baseline runs
 * @param candidate         the candidate value
 * @param baselineInterval  the baselines' noise: the union of their intervals
 * @param candidateInterval the candidate's noise interval
 * @param changePercent     {@code (candidate - baseline) / baseline × 100}; infinite from a zero baseline
 * @param verdict           the outcome for this metric
 * @param reason            why, in a few words, e.g. {@code CIs overlap} or {@code -30.0% beyond 5%, CIs apart}
 */
public record MetricChange(String metric, Direction direction, double baseline, double candidate,
                           Interval baselineInterval, Interval candidateInterval, double changePercent,
                           Verdict verdict, String reason) {

    /**
     * Judges a change.
     *
     * @param baselineIntervals one noise interval per baseline run
     * @param baselineValues    one value per baseline run
     * @param noiseKnown        whether the intervals are real confidence intervals (else points)
     */
    static MetricChange judge(String metric, Direction direction, List<Double> baselineValues,
                              List<Interval> baselineIntervals, double candidate, Interval candidateInterval,
                              double minEffectPercent, boolean noiseKnown) {
        return judge(metric, direction, baselineValues.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
                baselineValues, baselineIntervals, candidate, candidateInterval, minEffectPercent, noiseKnown);
    }

    /**
     * Judges a change against a pooled baseline value given apart (a percentile of the baselines'
     * merged histograms, which no mean of their percentiles equals).
     */
    static MetricChange judge(String metric, Direction direction, double baseline, List<Double> baselineValues,
                              List<Interval> baselineIntervals, double candidate, Interval candidateInterval,
                              double minEffectPercent, boolean noiseKnown) {
        Interval union = new Interval(
                baselineIntervals.stream().mapToDouble(Interval::low).min().orElseThrow(),
                baselineIntervals.stream().mapToDouble(Interval::high).max().orElseThrow());
        double change = baseline == 0
                ? (candidate == 0 ? 0 : Double.POSITIVE_INFINITY)
                : (candidate - baseline) / baseline * 100;
        boolean worse = direction == Direction.HIGHER_IS_BETTER ? candidateInterval.below(union)
                : candidateInterval.above(union);
        boolean better = direction == Direction.HIGHER_IS_BETTER ? candidateInterval.above(union)
                : candidateInterval.below(union);
        boolean bigEnough = Math.abs(change) >= minEffectPercent;
        String effect = String.format(Locale.ROOT, "%s%%", trim(minEffectPercent));
        boolean range = baselineValues.size() > 1;
        Verdict verdict;
        String reason;
        if ((worse || better) && bigEnough) {
            verdict = worse ? Verdict.REGRESSION : Verdict.IMPROVEMENT;
            reason = (noiseKnown ? "CIs apart, beyond " : range ? "outside baseline range, beyond " : "beyond ") + effect;
        } else if (worse || better) {
            verdict = Verdict.NO_CHANGE;
            reason = "below " + effect;
        } else {
            verdict = Verdict.NO_CHANGE;
            reason = noiseKnown ? "CIs overlap" : range ? "inside baseline range" : "unchanged";
        }
        return new MetricChange(metric, direction, baseline, candidate, union, candidateInterval, change, verdict,
                reason);
    }

    /**
     * A change whose noise is unknown (one measured window on each side and one baseline run), so
     * that no verdict can be given: reported with its size, judged as no significant change.
     */
    static MetricChange notJudged(String metric, Direction direction, double baseline, double candidate) {
        double change = baseline == 0 ? (candidate == 0 ? 0 : Double.POSITIVE_INFINITY)
                : (candidate - baseline) / baseline * 100;
        return new MetricChange(metric, direction, baseline, candidate, Interval.point(baseline),
                Interval.point(candidate), change, Verdict.NO_CHANGE, "noise unknown, not judged");
    }

    /** A metric that cannot be compared (for instance no latency samples on one side). */
    static MetricChange notComparable(String metric, Direction direction, double baseline, double candidate,
                                      String reason) {
        return new MetricChange(metric, direction, baseline, candidate, Interval.point(baseline),
                Interval.point(candidate), Double.NaN, Verdict.NO_CHANGE, reason);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
