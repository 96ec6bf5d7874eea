package dev.concbench.reports.ab;

import java.util.Arrays;

/**
 * The shift between two builds estimated from paired differences (in concbench, the logarithm of
 * B's figure over A's in each pair of windows measured one right after the other): the
 * Hodges–Lehmann estimate with its Wilcoxon signed-rank confidence interval.
 *
 * <p>The estimate is the median of the Walsh averages {@code (d_i + d_j) / 2, i <= j}; the interval
 * runs from the {@code (t+1)}-th to the {@code (M-t)}-th of the {@code M = n(n+1)/2} sorted Walsh
 * averages, where {@code t} is the largest value with {@code P(T <= t) <= (1 - confidence) / 2} under
 * the exact null distribution of the signed-rank statistic {@code T} (computed, not tabled). It
 * needs no normal distribution, only pairs that are independent and symmetric about their shift;
 * when the true shift lies outside an interval of confidence {@code 1 - alpha}, it does so at most
 * {@code alpha / 2} of the time on each side. With fewer than six pairs no interval at 95 % exists
 * (P(T = 0) = 2^-n); the widest one, from the smallest to the largest Walsh average, is then given
 * with its lower confidence, which {@link #confidence()} reports.
 *
 * @param n          pairs
 * @param estimate   the Hodges–Lehmann estimate of the shift
 * @param low        the interval's lower end
 * @param high       the interval's upper end
 * @param confidence the interval's exact coverage, e.g. 0.961 for a nominal 0.95
 */
public record PairedShift(int n, double estimate, double low, double high, double confidence) {

    /** The estimate and interval of these paired differences; needs at least one. */
    public static PairedShift of(double[] differences, double confidence) {
        int n = differences.length;
        if (n == 0) {
            throw new IllegalArgumentException("no pairs");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        double[] walsh = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                walsh[k++] = (differences[i] + differences[j]) / 2;
            }
        }
        Arrays.sort(walsh);
        double[] cumulative = signedRankCumulative(n);
        double tail = (1 - confidence) / 2;
        int t = -1;
        while (t + 1 < cumulative.length && cumulative[t + 1] <= tail) {
            t++;
        }
        int lowIndex = Math.max(t, 0);
        double achieved = t < 0 ? 1 - 2 * cumulative[0] : 1 - 2 * cumulative[t];
        return new PairedShift(n, median(walsh), walsh[lowIndex], walsh[walsh.length - 1 - lowIndex], achieved);
    }

    /**
     * {@code P(T <= t)} for {@code t = 0 .. n(n+1)/2} under the null hypothesis: each rank's sign
     * is a fair coin, so the count of sign patterns with rank sum {@code t} is the number of
     * subsets of {1..n} summing to {@code t}.
     */
    static double[] signedRankCumulative(int n) {
        int max = n * (n + 1) / 2;
        double[] ways = new double[max + 1];
        ways[0] = 1;
        for (int rank = 1; rank <= n; rank++) {
            for (int sum = max; sum >= rank; sum--) {
                ways[sum] += ways[sum - rank];
            }
        }
        double total = Math.pow(2, n);
        double[] cumulative = new double[max + 1];
        double running = 0;
        for (int sum = 0; sum <= max; sum++) {
            running += ways[sum];
            cumulative[sum] = running / total;
        }
        return cumulative;
    }

    private static double median(double[] sorted) {
        int m = sorted.length;
        return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    }
}
