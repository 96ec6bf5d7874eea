package dev.concbench.client.capacity;

import java.util.Locale;

/**
 * How a sweep step's figures read wherever a person sees them: in the reasons the judge gives
 * ({@link StepJudge}), which the result file keeps, and in the lines the suite runner prints as it
 * sweeps, so that a latency reads the same in a step's line and in its reason.
 */
public final class StepFigures {

    private StepFigures() {
    }

    /**
     * A latency in milliseconds, to three significant figures or so: {@code 410 us} below 1 ms,
     * {@code 2.50 ms} below 10 ms, {@code 44.5 ms} above.
     */
    public static String millis(double ms) {
        return ms < 1 ? String.format(Locale.ROOT, "%.0f us", ms * 1000)
                : String.format(Locale.ROOT, ms < 10 ? "%.2f ms" : "%.1f ms", ms);
    }
}
