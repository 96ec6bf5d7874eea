package dev.concbench.results;

import java.util.List;
import java.util.Objects;

/**
 * JMH's throughput figure for one benchmark.
 *
 * <p>One operation is one completed, verified request, so the unit is always {@value #UNIT}.
 * The error and the confidence interval are JMH's, at 99.9 %; JMH cannot compute them from a
 * single measurement iteration, and then all three are {@code null}.
 *
 * @param score          mean throughput over all forks and measurement iterations, ops/s
 * @param scoreError     half-width of the 99.9 % confidence interval, ops/s, or {@code null}
 * @param unit           always {@value #UNIT}
 * @param confidenceLow  lower bound of the 99.9 % confidence interval, ops/s, or {@code null}
 * @param confidenceHigh upper bound of the 99.9 % confidence interval, ops/s, or {@code null}
 * @param rawData        one list per fork, one ops/s value per measurement iteration
 */
public record Throughput(double score, Double scoreError, String unit, Double confidenceLow,
                         Double confidenceHigh, List<List<Double>> rawData) {

    /** The only unit result files use. */
    public static final String UNIT = "ops/s";

    public Throughput {
        Checks.notNegative(score, "throughput score");
        Checks.notNegativeOrNull(scoreError, "throughput scoreError");
        if (!UNIT.equals(unit)) {
            throw new IllegalArgumentException("throughput unit must be \"" + UNIT + "\", got \"" + unit + "\"");
        }
        if ((scoreError == null) != (confidenceLow == null) || (scoreError == null) != (confidenceHigh == null)) {
            throw new IllegalArgumentException(
                    "throughput scoreError, confidenceLow and confidenceHigh must be all null or all set");
        }
        if (confidenceLow != null && !(confidenceLow <= score && score <= confidenceHigh)) {
            throw new IllegalArgumentException("throughput confidence interval [" + confidenceLow + ", "
                    + confidenceHigh + "] does not contain the score " + score);
        }
        rawData = Objects.requireNonNullElse(rawData, List.<List<Double>>of()).stream()
                .map(fork -> {
                    fork.forEach(value -> Checks.notNegative(Objects.requireNonNull(value, "throughput rawData value"),
                            "throughput rawData value"));
                    return List.copyOf(fork);
                })
                .toList();
    }

    /**
     * A throughput with JMH's symmetric confidence interval {@code score ± scoreError}, clamped
     * at zero.
     */
    public static Throughput of(double score, double scoreError, List<List<Double>> rawData) {
        return new Throughput(score, scoreError, UNIT, Math.max(0, score - scoreError), score + scoreError, rawData);
    }

    /** Whether JMH reported a confidence interval. */
    public boolean hasConfidenceInterval() {
        return scoreError != null;
    }
}
