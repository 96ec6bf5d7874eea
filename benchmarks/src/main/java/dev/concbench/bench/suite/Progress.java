package dev.concbench.bench.suite;

import java.time.Duration;
import java.util.List;

/**
 * Estimates the time left in a run: each case's load time plus the start-up cost of a case
 * (forked JVM, server, connections), which starts at a guess and is then the mean of what the
 * finished cases took beyond their load time.
 */
final class Progress {

    /** The start-up cost assumed before any case finished. */
    static final Duration INITIAL_OVERHEAD = Duration.ofSeconds(3);

    private final List<? extends SuiteCase> cases;
    private long overheadNanosSum;
    private int finished;

    Progress(List<? extends SuiteCase> cases) {
        this.cases = List.copyOf(cases);
    }

    /** Records that the next case finished in this wall time. */
    void finished(SuiteCase done, Duration wallTime) {
        overheadNanosSum += Math.max(0, wallTime.minus(done.loadTime()).toNanos());
        finished++;
    }

    /** The estimated time from the start of case {@code index} (0-based) to the end of the run. */
    Duration left(int index) {
        Duration overhead = finished == 0 ? INITIAL_OVERHEAD : Duration.ofNanos(overheadNanosSum / finished);
        Duration left = Duration.ZERO;
        for (int i = index; i < cases.size(); i++) {
            left = left.plus(cases.get(i).loadTime()).plus(overhead);
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
