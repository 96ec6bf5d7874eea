package dev.concbench.client.cli;

import dev.concbench.client.ErrorKind;
import dev.concbench.client.Fairness;
import dev.concbench.client.Latency;
import dev.concbench.client.LoadModel;
import dev.concbench.client.LoadResult;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.RunLength;
import java.net.URI;
import java.util.Locale;

/**
 * The command's report, laid out as wrk users expect (threads and connections, latency
 * statistics, the percentile ladder, requests and transfer per second), with what wrk leaves out:
 * errors by kind, fairness among connections, a warning for starved connections, the client's CPU,
 * and for the open loop both the corrected and the uncorrected latency, labelled.
 */
final class TextReport {

    private TextReport() {
    }

    /** The line printed before the run starts. */
    static String header(URI url, LoadSpec spec, int threads, String transport) {
        String what = switch (spec.length()) {
            case RunLength.Timed timed -> Units.shortDuration(timed.duration()) + " test";
            case RunLength.Counted counted -> counted.requests() + " requests test";
        };
        StringBuilder out = new StringBuilder();
        out.append("Running ").append(what).append(" @ ").append(url);
        if (!spec.warmup().isZero()) {
            out.append(" (after ").append(Units.shortDuration(spec.warmup())).append(" of warm-up)");
        }
        out.append('\n');
        out.append(connections(spec, describe(spec.model()), threads, transport));
        return out.toString();
    }

    /** The line on threads and connections, the load model described as {@code model}. */
    static String connections(LoadSpec spec, String model, int threads, String transport) {
        return String.format(Locale.ROOT, "  %d threads and %d connections (%s, %s%s%s, %s)%n",
                threads, spec.model().connections(), model, spec.connectionMode().label(),
                spec.pipelineDepth() > 1 ? ", pipeline " + spec.pipelineDepth() : "",
                spec.slowSend().isSlow() ? String.format(Locale.ROOT, ", slow: %d pieces %s apart",
                        spec.slowSend().pieces(), Units.shortDuration(spec.slowSend().gap())) : "",
                transport);
    }

    /** Everything after the header. */
    static String body(LoadResult result) {
        StringBuilder out = new StringBuilder();
        boolean corrected = result.latencyCorrected();
        out.append(String.format(Locale.ROOT, "  %-13s %8s %8s %8s %9s%n", "Stats", "Avg", "Stdev", "Max", "+/- Stdev"));
        statsLine(out, "Latency", result.latency());
        if (corrected) {
            statsLine(out, "Uncorrected", result.uncorrectedLatency());
            out.append("  Latency Distribution (corrected: from each request's intended send time)\n");
        } else {
            out.append("  Latency Distribution\n");
        }
        ladder(out, result.latency());
        if (corrected) {
            out.append("  Uncorrected Latency Distribution (from the actual send time: hides the server's stalls)\n");
            ladder(out, result.uncorrectedLatency());
        }
        out.append(String.format(Locale.ROOT, "  %d requests in %.2fs, %s read%n",
                result.requests(), result.duration().toNanos() / 1e9, Units.bytes(result.bytesRead())));
        errors(out, result);
        if (result.unfinished() > 0) {
            out.append(String.format(Locale.ROOT, "  Unfinished at the end: %d requests%n", result.unfinished()));
        }
        fairness(out, result.fairness());
        out.append(String.format(Locale.ROOT, "  Client CPU: event loops %.2fs (%.0f%% of %d thread%s), process %.2fs%n",
                result.cpu().eventLoops().toNanos() / 1e9, 100 * result.cpu().eventLoopUtilization(),
                result.cpu().eventLoopThreads(), result.cpu().eventLoopThreads() == 1 ? "" : "s",
                result.cpu().process().toNanos() / 1e9));
        warnings(out, result);
        out.append(String.format(Locale.ROOT, "Requests/sec: %10.2f", result.requestsPerSecond()));
        if (result.targetRate().isPresent()) {
            out.append(String.format(Locale.ROOT, " (target %.2f)", result.targetRate().getAsDouble()));
        }
        out.append('\n');
        out.append(String.format(Locale.ROOT, "Transfer/sec: %10s%n", Units.bytes(result.bytesPerSecond())));
        return out.toString();
    }

    private static String describe(LoadModel model) {
        return switch (model) {
            case LoadModel.ClosedLoop closed -> "closed loop";
            case LoadModel.OpenLoop open -> String.format(Locale.ROOT, "open loop at %s requests/s",
                    trimmed(open.requestsPerSecond()));
        };
    }

    private static void statsLine(StringBuilder out, String name, Latency latency) {
        out.append(String.format(Locale.ROOT, "    %-11s %8s %8s %8s %8.2f%%%n", name,
                Units.time(latency.meanNanos()), Units.time(latency.stdDeviationNanos()),
                Units.time(latency.max()), 100 * latency.shareWithinOneStdDeviation()));
    }

    private static void ladder(StringBuilder out, Latency latency) {
        for (double percentile : Latency.REPORTED_PERCENTILES) {
            out.append(String.format(Locale.ROOT, "   %8.3f%% %9s%n", percentile,
                    Units.time(latency.percentile(percentile))));
        }
    }

    private static void errors(StringBuilder out, LoadResult result) {
        long total = result.errors().total();
        if (total == 0) {
            return;
        }
        out.append(String.format(Locale.ROOT, "  Errors: %d (not counted as requests)%n", total));
        for (ErrorKind kind : ErrorKind.values()) {
            long count = result.errors().count(kind);
            if (count > 0) {
                out.append(String.format(Locale.ROOT, "    %-10s %d", kind.label(), count));
                result.errors().firstMessage(kind).ifPresent(message -> out.append("  (first: ").append(message).append(')'));
                out.append('\n');
            }
        }
    }

    private static void fairness(StringBuilder out, Fairness fairness) {
        out.append(String.format(Locale.ROOT,
                "  Fairness: responses per connection min %d, median %d, max %d; longest wait %s; %d starved%n",
                fairness.minResponses(), fairness.medianResponses(), fairness.maxResponses(),
                Units.time(fairness.longestWait()), fairness.starved()));
        if (fairness.gaveUp() > 0) {
            out.append(String.format(Locale.ROOT,
                    "  WARNING: %d of %d connections gave up before the end after repeated failures%n",
                    fairness.gaveUp(), fairness.connections()));
        }
    }

    private static void warnings(StringBuilder out, LoadResult result) {
        for (LoadResult.Flag flag : result.flags()) {
            switch (flag) {
                case STARVED -> out.append(String.format(Locale.ROOT,
                        "  WARNING: %d of %d connections got no response at all during the measurement (starved);"
                                + " the figures above describe the other %d only%n",
                        result.fairness().starved(), result.fairness().connections(),
                        result.fairness().connections() - result.fairness().starved()));
                case CLIENT_BOUND -> out.append(String.format(Locale.ROOT,
                        "  WARNING: the client's event loops were busy %.0f%% of the time: these figures may be the"
                                + " client's limit rather than the server's (try more threads, -t)%n",
                        100 * result.cpu().eventLoopUtilization()));
                case RATE_NOT_MET -> out.append(String.format(Locale.ROOT,
                        "  WARNING: achieved %.2f requests/s, less than %.0f%% of the %s targeted%n",
                        result.requestsPerSecond(), 100 * LoadResult.RATE_MET_SHARE,
                        trimmed(result.targetRate().orElse(0))));
                case ERRORS -> {
                    // listed above, by kind
                }
            }
        }
    }

    private static String trimmed(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
