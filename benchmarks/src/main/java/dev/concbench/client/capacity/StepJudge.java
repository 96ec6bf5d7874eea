package dev.concbench.client.capacity;

import dev.concbench.client.ClientCpu;
import dev.concbench.client.ErrorCounts;
import dev.concbench.client.ErrorKind;
import dev.concbench.client.LoadResult;
import dev.concbench.results.Objective;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Judges one open-loop window against an objective. The server failed the window when the
 * corrected latency at the objective's percentile exceeded the limit, errors exceeded their share,
 * or it answered less than the share of the offered rate. The client failed it instead when its
 * event loops were saturated, or when a window that missed on latency or rate, with no more failed
 * requests than allowed, had the client itself send its requests late (from when they were due and
 * their connection was free) by at least half the limit at the objective's percentile: then the
 * corrected latency measured the client's stalls, not the server. Failed requests (timeouts, lost
 * connections, wrong answers) are the server's, however late the client was.
 */
public final class StepJudge {

    private StepJudge() {
    }

    /**
     * The window as a judged sweep step.
     *
     * @param serverCpuSeconds the server's CPU seconds over the window, or {@code null} when not sampled
     */
    public static SweepStep judge(int index, double offeredRate, LoadResult window, Double serverCpuSeconds,
                                  Objective objective) {
        double achieved = window.requestsPerSecond();
        double utilization = window.cpu().eventLoopUtilization();
        long failed = window.errors().total();
        long attempts = window.requests() + failed;
        double errorShare = attempts == 0 ? 0 : (double) failed / attempts;
        double latencyMs = window.latency().percentile(objective.percentile()).toNanos() / 1e6;

        double lagMs = window.sendLag().percentile(objective.percentile()).toNanos() / 1e6;
        StepVerdict verdict;
        List<String> reasons = new ArrayList<>();
        if (utilization >= ClientCpu.SATURATED_UTILIZATION) {
            verdict = StepVerdict.CLIENT_FAILED;
            reasons.add(String.format(Locale.ROOT, "the client's event loops were %.0f %% busy", utilization * 100));
        } else {
            if (window.requests() > 0 && latencyMs > objective.limitMs()) {
                reasons.add(String.format(Locale.ROOT, "p%s %s > %s", percentile(objective.percentile()),
                        StepFigures.millis(latencyMs), StepFigures.millis(objective.limitMs())));
            }
            boolean failedRequests = errorShare > objective.maxErrorShare();
            if (failedRequests) {
                reasons.add(String.format(Locale.ROOT, "errors %.2f %% > %.2f %% (%s)", errorShare * 100,
                        objective.maxErrorShare() * 100, errorKinds(window.errors())));
            }
            if (achieved < objective.minAchievedShare() * offeredRate) {
                reasons.add(String.format(Locale.ROOT, "answered %,.0f/s, %.0f %% of the %,.0f/s offered", achieved,
                        achieved * 100 / offeredRate, offeredRate));
            }
            verdict = reasons.isEmpty() ? StepVerdict.PASS : StepVerdict.SERVER_FAILED;
            if (verdict == StepVerdict.SERVER_FAILED && !failedRequests && lagMs >= objective.limitMs() / 2) {
                verdict = StepVerdict.CLIENT_FAILED;
                reasons.addFirst(String.format(Locale.ROOT, "the client itself sent requests late (p%s %s after due"
                        + " on a free connection)", percentile(objective.percentile()), StepFigures.millis(lagMs)));
            }
        }
        return new SweepStep(index, offeredRate, achieved, window.duration().toNanos() / 1e9, window.requests(),
                window.errors().toResult(), window.latency().summary(), window.uncorrectedLatency().summary(),
                utilization, serverCpuSeconds, verdict, reasons.isEmpty() ? null : String.join("; ", reasons));
    }

    private static String errorKinds(ErrorCounts errors) {
        List<String> kinds = new ArrayList<>();
        for (ErrorKind kind : ErrorKind.values()) {
            if (errors.count(kind) > 0) {
                kinds.add(String.format(Locale.ROOT, "%,d %s", errors.count(kind), kind.label()));
            }
        }
        return String.join(", ", kinds);
    }

    static String percentile(double percentile) {
        return percentile == Math.rint(percentile) ? Long.toString((long) percentile) : Double.toString(percentile);
    }
}
