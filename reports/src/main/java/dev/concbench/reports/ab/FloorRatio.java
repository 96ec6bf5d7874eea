package dev.concbench.reports.ab;

import dev.concbench.reports.compare.Direction;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The ratio B/A of two builds' undisturbed levels, from windows measured in pairs, with a
 * bootstrap interval over the pairs.
 *
 * <p>Why a floor, not a median: on a shared machine a disturbance (another tenant, the other
 * server's compiler, the host taking the core away) only ever makes a window worse: more CPU per
 * request, fewer requests, a slower tail. The windows of a side therefore sit on a floor, the
 * side's real cost, with spikes above it; measured side by side in A/A runs here, a quarter to a
 * half of the windows were spiked by 5–80 %. A pair's ratio carries the spike of either window,
 * so the median of the pairs' ratios wanders with them, while each side's best quarter stays on
 * its floor (the reasoning of Chen and Revels, "Robust benchmarking in noisy environments", 2016,
 * for taking the minimum of timings; the quartile keeps a few windows' worth of it). The level of
 * a side is its lower quartile where lower is better, its upper quartile where higher is better
 * (linear interpolation between order statistics). The two sides' windows alternate in one run,
 * so a slow drift of the machine moves both floors alike.
 *
 * <p>The interval: {@value #RESAMPLES} bootstrap resamples of the pairs (a pair's two windows are
 * drawn together, keeping what they shared in time), the percentile interval of the resampled
 * ratios. The random numbers are seeded from the figures, so the same windows always give the
 * same interval. Its coverage on small samples is checked by simulation in {@code FloorRatioTest}
 * and in A/A runs on the machine (see the README's "Is my change slower?").
 *
 * @param n          pairs
 * @param estimate   the ratio B/A of the two sides' levels
 * @param low        the interval's lower end
 * @param high       the interval's upper end
 * @param confidence the interval's nominal coverage, e.g. 0.90
 */
public record FloorRatio(int n, double estimate, double low, double high, double confidence) {

    /** Bootstrap resamples per interval. */
    static final int RESAMPLES = 4_000;

    /**
     * The ratio of these paired figures' levels and its interval.
     *
     * @param a          side A's figure in each pair, all positive and finite
     * @param b          side B's figure in the same pairs
     * @param direction  which way is better: it says which quartile is a side's level
     * @param confidence the interval's coverage, between 0 and 1
     */
    public static FloorRatio of(double[] a, double[] b, Direction direction, double confidence) {
        int n = a.length;
        if (n == 0 || b.length != n) {
            throw new IllegalArgumentException("needs pairs: " + a.length + " figures of A, " + b.length + " of B");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
        }
        double quartile = direction == Direction.LOWER_IS_BETTER ? 0.25 : 0.75;
        SplittableRandom random = new SplittableRandom(31L * Arrays.hashCode(a) + Arrays.hashCode(b));
        double[] ratios = new double[RESAMPLES];
        double[] drawnA = new double[n];
        double[] drawnB = new double[n];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < n; i++) {
                int pair = random.nextInt(n);
                drawnA[i] = a[pair];
                drawnB[i] = b[pair];
            }
            ratios[r] = level(drawnB, quartile) / level(drawnA, quartile);
        }
        Arrays.sort(ratios);
        double tail = (1 - confidence) / 2;
        return new FloorRatio(n, level(b.clone(), quartile) / level(a.clone(), quartile),
                interpolated(ratios, tail), interpolated(ratios, 1 - tail), confidence);
    }

    /** The {@code q}-quantile of these values, which it sorts in place. */
    private static double level(double[] values, double q) {
        Arrays.sort(values);
        return interpolated(values, q);
    }

    /** The {@code q}-quantile of sorted values, interpolated linearly between order statistics. */
    private static double interpolated(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = position - below;
        return sorted[below] * (1 - fraction) + sorted[below + 1] * fraction;
    }
}
