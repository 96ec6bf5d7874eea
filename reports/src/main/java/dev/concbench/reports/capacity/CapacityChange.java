package dev.concbench.reports.capacity;

import dev.concbench.reports.compare.Verdict;
import dev.concbench.reports.format.Numbers;
import java.util.Objects;

/**
 * Capacity of B against A, judged from their brackets alone (a sweep measures each rate once, so
 * there is no interval to test; the brackets are what the sweeps prove).
 *
 * <p>Rule, with {@code e} the minimum effect as a share (5 % → 0.05), and each side's bounds read
 * as {@link CapacityBracket} reads them (B's capacity lies in {@code [B.low, B.high)}):
 * <ul>
 *   <li><b>regression</b> when {@code B.high <= (1 - e) × A.low}: B failed the objective at a rate
 *       at least {@code e} below one A met, so B's capacity is more than {@code e} below A's;</li>
 *   <li><b>improvement</b> the mirror image, {@code B.low >= (1 + e) × A.high};</li>
 *   <li><b>no change</b> when neither holds and both sides have both ends: the brackets overlap or
 *       lie within the minimum effect of each other;</li>
 *   <li><b>not judged</b>, with the reason, when neither holds and a side lacks an end (a
 *       client-limited sweep has no upper bound, one failed at its lowest rate no lower bound, a
 *       failed sweep neither): its capacity could still be either side of the other's.</li>
 * </ul>
 * So a B that fails at its lowest rate where A met a higher one is a regression, and one limited
 * by the client above A's first failure an improvement, while two client-limited sides are not
 * judged.
 *
 * @param a       side A's bracket
 * @param b       side B's bracket
 * @param verdict the outcome
 * @param reason  why not judged, or {@code null}
 */
public record CapacityChange(CapacityBracket a, CapacityBracket b, Verdict verdict, String reason) {

    public CapacityChange {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(verdict, "verdict");
        if ((verdict == Verdict.NOT_JUDGED) != (reason != null)) {
            throw new IllegalArgumentException("a capacity change has a reason exactly when it is not judged");
        }
    }

    /**
     * Judges B's capacity against A's.
     *
     * @param minEffectPercent the smallest change that counts, e.g. 5
     */
    public static CapacityChange judge(CapacityBracket a, CapacityBracket b, double minEffectPercent) {
        double effect = minEffectPercent / 100;
        if (b.high() != null && a.low() != null && b.high() <= (1 - effect) * a.low()) {
            return new CapacityChange(a, b, Verdict.REGRESSION, null);
        }
        if (b.low() != null && a.high() != null && b.low() >= (1 + effect) * a.high()) {
            return new CapacityChange(a, b, Verdict.IMPROVEMENT, null);
        }
        if (a.closed() && b.closed()) {
            return new CapacityChange(a, b, Verdict.NO_CHANGE, null);
        }
        String open = !a.closed() ? unbounded("A", a) : unbounded("B", b);
        return new CapacityChange(a, b, Verdict.NOT_JUDGED, open + ", and the brackets do not prove a change of "
                + Numbers.plain(minEffectPercent) + " % or more");
    }

    /** E.g. {@code side B is client-limited (≥ 2,000/s)}. */
    private static String unbounded(String side, CapacityBracket bracket) {
        return "side " + side + " is " + bracket.outcome() + " (" + bracket.text() + ")";
    }
}
