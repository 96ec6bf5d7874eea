package dev.concbench.bench.suite;

import dev.concbench.bench.resources.ResourceUsage;
import dev.concbench.bench.trial.TrialMeasurement;
import dev.concbench.bench.trial.TrialRecord;
import dev.concbench.client.ErrorKind;
import dev.concbench.client.Latency;
import dev.concbench.results.MeasuredWindow;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/** Trial records for tests. */
final class Trials {

    private Trials() {
    }

    /** A closed-loop hello trial of one 2 s iteration with these requests, errors and latencies (ms). */
    static TrialRecord hello(String model, long requests, Map<ErrorKind, Long> errors, long... latenciesMs) {
        Histogram latency = Latency.newHistogram();
        for (long ms : latenciesMs) {
            Latency.record(latency, ms * 1_000_000);
        }
        String encoded = new Latency(latency).encodedHistogram();
        long errorTotal = errors.values().stream().mapToLong(Long::longValue).sum();
        var measurement = new TrialMeasurement(1, requests, errors, Map.of(), 0, requests * 100, 2.0,
                List.of(new MeasuredWindow(0, 2.0, requests, errorTotal, latenciesMs.length == 0 ? 0 : 1, 1.5)),
                encoded, encoded, new TrialMeasurement.TrialFairness(64, 10, 20, 30, 1, 250.0, 0), 0.8, 1.2, 0.4,
                Map.of());
        return new TrialRecord("dev.concbench.bench.HelloBenchmark.loadWindow", "hello",
                new TreeMap<>(Map.of("model", model, "connections", "64")), false,
                new TrialRecord.ClientSide("0", 1, "epoll"),
                List.of(new TrialRecord.Side(null, new TrialRecord.ServerSide(false, "1", List.of("-Xmx512m"),
                        Map.of("workers", "4"), Map.of("childrenSpawned", "7")), measurement,
                        new ResourceUsage(20, 80, 100 << 20, 1.5, 2, 1, 30))), null);
    }

    /** A trial that failed before it measured anything. */
    static TrialRecord failed(String model, String failure) {
        return new TrialRecord("dev.concbench.bench.HelloBenchmark.loadWindow", "hello",
                new TreeMap<>(Map.of("model", model, "connections", "64")), false,
                new TrialRecord.ClientSide(null, 0, "none"), List.of(), failure);
    }
}
