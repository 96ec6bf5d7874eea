package dev.concbench.bench.suite;

import java.time.Duration;
import java.util.List;

/**
 * Estimates the time left in a run: each benchmark's load time plus the start-up cost of a
 * benchmark (forked JVM, server, connections), which starts at a guess and is then the mean of
 * what the finished benchmarks took beyond their load time.
 */
final class Progress {

    /** The start-up cost assumed before any benchmark finished. */
    static final Duration INITIAL_OVERHEAD = Duration.ofSeconds(3);

    private final List<BenchmarkCase> cases;
    private long overheadNanosSum;
    private int finished;

    Progress(List<BenchmarkCase> cases) {
        this.cases = List.copyOf(cases);
    }

    /** Records that the next benchmark finished in this wall time. */
    void finished(BenchmarkCase benchmark, Duration wallTime) {
        overheadNanosSum += Math.max(0, wallTime.minus(benchmark.timing().loadTime()).toNanos());
        finished++;
    }

    /** The estimated time from the start of benchmark {@code index} (0-based) to the end of the run. */
    Duration left(int index) {
        Duration overhead = finished == 0 ? INITIAL_OVERHEAD : Duration.ofNanos(overheadNanosSum / finished);
        Duration left = Duration.ZERO;
        for (int i = index; i < cases.size(); i++) {
            left = left.plus(cases.get(i).timing().loadTime()).plus(overhead);
        }
        return left;
    }

    /** E.g. {@code 45s}, {@code 2m10s}, {@code 1h05m}. */
    static String format(Duration duration) {
        long seconds = Math.max(0, Math.round(duration.toMillis() / 1000.0));
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format("%02ds", seconds % 60);
        }
        return (seconds / 3600) + "h" + String.format("%02dm", (seconds % 3600) / 60);
    }
}
