package dev.concbench.client.capacity;

import java.util.Locale;

/**
 * How a sweep step's figures read wherever a person sees them: in the reasons the judge gives
 * ({@link StepJudge}), which the result file keeps, and in the lines the suite runner prints as it
 * sweeps, so that a latency or a rate reads the same in a step's line and in its reason.
 */
public final class StepFigures {

    private StepFigures() {
    }

    /**
     * A latency in milliseconds, to three significant figures or so: {@code 410 us} below 1 ms,
     * {@code 2.50 ms} below 10 ms, {@code 44.5 ms} below a second, {@code 1.23 s} from there.
     */
    public static String millis(double ms) {
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.0f us", ms * 1000);
        }
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", ms / 1000);
        }
        return String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }

    /** A rate in requests per second, whole, with thousands separated: {@code 12,800/s}. */
    public static String rate(double requestsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", requestsPerSecond);
    }
}
