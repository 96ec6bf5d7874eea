package dev.concbench.bench.trial;

import dev.concbench.bench.resources.ResourceUsage;
import dev.concbench.servers.ServerReport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one JMH trial (one fork of one benchmark with one set of parameters) measured beyond JMH's
 * own figures, handed from the forked benchmark JVM to the suite runner as a JSON file (see
 * {@link TrialFiles}). Every figure covers the measurement iterations only, except the resource
 * peaks, which cover the whole trial. A plain trial has one server side; an A/B trial two,
 * {@code A} (the baseline build's server) and {@code B} (the working tree's), whose windows
 * alternated.
 *
 * @param benchmark       the JMH benchmark, e.g. {@code dev.concbench.bench.HelloBenchmark.loadWindow}
 * @param scenario        the scenario label, e.g. {@code hello}
 * @param params          every JMH parameter, {@code model} included, sorted by name
 * @param openLoop        whether the load was offered at a fixed rate
 * @param client          the load client's shape
 * @param sides           each server the trial measured, in side order: one for a plain trial,
 *                        A then B for an A/B trial; empty when the trial failed before a server ran
 * @param failure         why the trial stopped early, or {@code null}
 */
public record TrialRecord(String benchmark, String scenario, SortedMap<String, String> params, boolean openLoop,
                          ClientSide client, List<Side> sides, String failure) {

    public TrialRecord {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(scenario, "scenario");
        params = new TreeMap<>(params);
        Objects.requireNonNull(client, "client");
        sides = List.copyOf(sides);
    }

    /** The model the trial ran against. */
    public String model() {
        return params.get("model");
    }

    /**
     * One server of the trial and what was measured against it.
     *
     * @param side        {@code A} or {@code B} in an A/B trial, {@code null} in a plain one
     * @param server      how and where the server ran
     * @param measurement what the load client measured, or {@code null} when nothing was measured
     * @param resources   the server's process tree, or {@code null} when not sampled (in-process)
     */
    public record Side(String side, ServerSide server, TrialMeasurement measurement, ResourceUsage resources) {
        public Side {
            Objects.requireNonNull(server, "server");
        }
    }

    /**
     * How the server ran.
     *
     * @param inProcess whether it ran inside the benchmark JVM
     * @param cpus      the CPU list it was pinned to, or {@code null}
     * @param jvmFlags  its JVM's flags (the benchmark JVM's when in-process)
     * @param startInfo facts it reported when it started
     * @param stopInfo  facts it reported when it stopped
     */
    public record ServerSide(boolean inProcess, String cpus, List<String> jvmFlags, Map<String, String> startInfo,
                             Map<String, String> stopInfo) {
        public ServerSide {
            jvmFlags = List.copyOf(jvmFlags);
            startInfo = new TreeMap<>(startInfo);
            stopInfo = new TreeMap<>(stopInfo);
        }

        /**
         * The report the server gave when it stopped, read back from {@link #stopInfo} (its
         * {@link ServerReport#facts()}).
         *
         * @throws IllegalArgumentException when a figure there does not fit the report
         */
        public ServerReport stopReport() {
            return ServerReport.of(stopInfo);
        }
    }

    /**
     * The load client's shape.
     *
     * @param cpus       the CPU list the benchmark JVM was pinned to, or {@code null}
     * @param eventLoops the client's event-loop threads
     * @param transport  the client's transport, e.g. {@code epoll}
     */
    public record ClientSide(String cpus, int eventLoops, String transport) {
    }
}
