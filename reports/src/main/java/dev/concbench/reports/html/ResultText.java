package dev.concbench.reports.html;

import dev.concbench.reports.format.Numbers;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.ErrorCounts;
import dev.concbench.results.Percentiles;

import java.util.ArrayList;
import java.util.List;

/** Short texts about one result shared by the charts' tooltips and the tables. */
final class ResultText {

    static final String INVALID = "invalid";
    static final String CLIENT_BOUND = "client-bound";
    static final String OVERLOAD = "overload";

    private ResultText() {
    }

    /**
     * {@code client-bound} or {@code invalid} for a figure that cannot be trusted, else
     * {@code overload} when the server could not take the load (a finding), else null.
     */
    static String flag(BenchmarkResult result) {
        if (result.clientBound()) {
            return CLIENT_BOUND;
        }
        if (!result.valid()) {
            return INVALID;
        }
        return result.overload() == null ? null : OVERLOAD;
    }

    static String connections(BenchmarkResult result) {
        return result.connections().stream().mapToObj(c -> c + (c == 1 ? " connection" : " connections"))
                .findFirst().orElse("");
    }

    /** {@code 0 errors} or {@code 107 errors (timeout 107)}. */
    static String errors(ErrorCounts errors) {
        long total = errors.total();
        if (total == 0) {
            return "0 errors";
        }
        var kinds = new ArrayList<String>();
        add(kinds, "connect", errors.connect());
        add(kinds, "read", errors.read());
        add(kinds, "write", errors.write());
        add(kinds, "timeout", errors.timeout());
        add(kinds, "status", errors.status());
        add(kinds, "body", errors.body());
        add(kinds, "malformed", errors.malformed());
        return Numbers.grouped(total) + (total == 1 ? " error (" : " errors (") + String.join(", ", kinds) + ")";
    }

    private static void add(List<String> kinds, String name, long count) {
        if (count > 0) {
            kinds.add(name + " " + Numbers.grouped(count));
        }
    }

    static String percentiles(Percentiles p) {
        return "p50 " + Numbers.millis(p.p50Ms()) + " · p99 " + Numbers.millis(p.p99Ms()) + " · max "
                + Numbers.millis(p.maxMs());
    }

    /** Tooltip lines: what, throughput, latency, requests and errors, fairness, flags. */
    static List<String> tip(BenchmarkResult r) {
        var lines = new ArrayList<String>();
        lines.add(r.model() + " · " + r.scenario() + (r.key().params().isEmpty() ? "" : " · " + r.key().paramsText()));
        lines.add("throughput " + Numbers.withError(r.throughput().score(), r.throughput().scoreError()) + " ops/s");
        lines.add(percentiles(r.latency().uncorrected()) + (r.latency().corrected() == null ? "" : " (uncorrected)"));
        if (r.latency().corrected() != null) {
            lines.add(percentiles(r.latency().corrected()) + " (corrected)");
        }
        lines.add(Numbers.grouped(r.requestsCompleted()) + " requests · " + errors(r.errors()));
        if (r.fairness().starvedConnections() > 0) {
            lines.add("starved " + r.fairness().starvedConnections() + " of " + r.fairness().connections()
                    + " connections");
        }
        r.invalidReasons().forEach(reason -> lines.add("⚠ " + reason));
        if (r.overload() != null) {
            lines.add("⊘ " + r.overload());
        }
        return lines;
    }
}
