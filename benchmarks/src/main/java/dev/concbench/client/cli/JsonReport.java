package dev.concbench.client.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.concbench.client.ErrorKind;
import dev.concbench.client.Latency;
import dev.concbench.client.LoadModel;
import dev.concbench.client.LoadResult;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.RunLength;
import dev.concbench.client.capacity.Sweep;
import dev.concbench.client.capacity.SweepRunner;
import dev.concbench.results.AtomicFiles;
import dev.concbench.results.Capacity;
import dev.concbench.results.Objective;
import dev.concbench.results.SweepStep;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The command's result as JSON: the same figures as the text report, with units in the field
 * names, and each latency histogram in HdrHistogram's compressed Base64 encoding so that runs can
 * be merged later without averaging percentiles. A sweep is written in its own format: its steps,
 * objective and capacity as the result file's records ({@link SweepStep}, {@link Objective},
 * {@link Capacity}) write them.
 */
final class JsonReport {

    static final String FORMAT = "concbench-load/1";
    static final String SWEEP_FORMAT = "concbench-load-sweep/1";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    /** Writes the result to the file atomically ({@link AtomicFiles}). */
    static void write(URI url, String transport, LoadResult result, Path file) throws IOException {
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(toJson(url, transport, result)));
    }

    /** Writes a sweep that ran {@code template}'s request at {@code pace} to the file atomically. */
    static void writeSweep(URI url, String transport, int eventLoops, LoadSpec template, SweepRunner.Pace pace,
                           Sweep sweep, Path file) throws IOException {
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(toJson(url, transport, eventLoops, template, pace, sweep)));
    }

    static ObjectNode toJson(URI url, String transport, int eventLoops, LoadSpec template, SweepRunner.Pace pace,
                             Sweep sweep) {
        ObjectNode root = load(SWEEP_FORMAT, url, transport, eventLoops, template);
        root.put("leadInSeconds", pace.leadIn().toNanos() / 1e9);
        root.put("shortestWindowSeconds", pace.shortestWindow().toNanos() / 1e9);
        root.put("longestWindowSeconds", pace.longestWindow().toNanos() / 1e9);
        root.put("fewestRequests", pace.fewestRequests());
        root.put("coolDownSeconds", pace.coolDown().toNanos() / 1e9);
        root.set("mode", MAPPER.valueToTree(sweep.mode()));
        root.set("objective", MAPPER.valueToTree(sweep.objective()));
        root.put("resolution", sweep.resolution());
        root.set("steps", MAPPER.valueToTree(sweep.steps()));
        root.set("capacity", MAPPER.valueToTree(sweep.capacity()));
        return root;
    }

    static ObjectNode toJson(URI url, String transport, LoadResult result) {
        LoadSpec spec = result.spec();
        ObjectNode root = load(FORMAT, url, transport, result.eventLoops(), spec);
        ObjectNode model = root.putObject("model");
        switch (spec.model()) {
            case LoadModel.ClosedLoop closed -> model.put("type", "closed");
            case LoadModel.OpenLoop open -> {
                model.put("type", "open");
                model.put("targetRequestsPerSecond", open.requestsPerSecond());
            }
        }
        if (spec.slowSend().isSlow()) {
            ObjectNode slow = root.putObject("slowSend");
            slow.put("pieces", spec.slowSend().pieces());
            slow.put("gapMillis", spec.slowSend().gap().toNanos() / 1e6);
        } else {
            root.putNull("slowSend");
        }
        root.put("warmupSeconds", spec.warmup().toNanos() / 1e9);
        switch (spec.length()) {
            case RunLength.Timed timed -> root.put("plannedSeconds", timed.duration().toNanos() / 1e9);
            case RunLength.Counted counted -> root.put("plannedRequests", counted.requests());
        }

        root.put("durationSeconds", result.duration().toNanos() / 1e9);
        root.put("requests", result.requests());
        root.put("requestsPerSecond", result.requestsPerSecond());
        root.put("unfinished", result.unfinished());
        root.put("bytesRead", result.bytesRead());
        root.put("bytesPerSecond", result.bytesPerSecond());
        ObjectNode errors = root.putObject("errors");
        for (ErrorKind kind : ErrorKind.values()) {
            errors.put(kind.label(), result.errors().count(kind));
        }
        errors.put("total", result.errors().total());
        ObjectNode messages = root.putObject("firstErrorMessages");
        result.errors().firstMessages().forEach((kind, message) -> messages.put(kind.label(), message));

        latency(root.putObject("latency"), result.latency(), result.latencyCorrected()
                ? "from each request's intended send time (corrected for coordinated omission)"
                : "from the send time (closed loop: the intended send time is the actual one)");
        latency(root.putObject("uncorrectedLatency"), result.uncorrectedLatency(), "from the actual send time");

        ObjectNode fairness = root.putObject("fairness");
        fairness.put("connections", result.fairness().connections());
        fairness.put("minResponses", result.fairness().minResponses());
        fairness.put("medianResponses", result.fairness().medianResponses());
        fairness.put("maxResponses", result.fairness().maxResponses());
        fairness.put("longestWaitMillis", result.fairness().longestWait().toNanos() / 1e6);
        fairness.put("starved", result.fairness().starved());
        fairness.put("gaveUp", result.fairness().gaveUp());

        ObjectNode cpu = root.putObject("clientCpu");
        cpu.put("eventLoopSeconds", result.cpu().eventLoops().toNanos() / 1e9);
        cpu.put("eventLoopUtilization", result.cpu().eventLoopUtilization());
        cpu.put("processSeconds", result.cpu().process().toNanos() / 1e9);

        var flags = root.putArray("flags");
        result.flags().forEach(flag -> flags.add(flag.label()));
        return root;
    }

    /** What both formats open with: the format, the target, the request's method, how it is sent and checked. */
    private static ObjectNode load(String format, URI url, String transport, int eventLoops, LoadSpec spec) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", format);
        root.put("url", url.toString());
        root.put("method", spec.request().method());
        root.put("transport", transport);
        root.put("eventLoops", eventLoops);
        root.put("connections", spec.model().connections());
        root.put("connectionMode", spec.connectionMode().label());
        root.put("pipelineDepth", spec.pipelineDepth());
        root.put("requestTimeoutMillis", spec.requestTimeout().toMillis());
        root.put("expectedStatus", spec.check().status());
        return root;
    }

    private static void latency(ObjectNode node, Latency latency, String measuredFrom) {
        node.put("measuredFrom", measuredFrom);
        node.put("count", latency.count());
        node.put("meanMicros", latency.meanNanos() / 1e3);
        node.put("stdDeviationMicros", latency.stdDeviationNanos() / 1e3);
        node.put("maxMicros", latency.max().toNanos() / 1e3);
        ObjectNode percentiles = node.putObject("percentilesMicros");
        for (double percentile : Latency.REPORTED_PERCENTILES) {
            percentiles.put(String.format(Locale.ROOT, "%s", percentile), latency.percentile(percentile).toNanos() / 1e3);
        }
        node.put("histogram", latency.encodedHistogram());
        node.put("histogramUnit", "nanoseconds");
    }
}
