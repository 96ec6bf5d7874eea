package dev.concbench.bench;

import dev.concbench.bench.resources.ProcessTreeSampler;
import dev.concbench.bench.resources.ResourceUsage;
import dev.concbench.bench.server.InProcessServer;
import dev.concbench.bench.server.RunningServer;
import dev.concbench.bench.server.ServerLauncher;
import dev.concbench.bench.trial.TrialRecord;
import dev.concbench.client.LoadResult;
import dev.concbench.client.capacity.SweepRunner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One server of a trial with what is measured against it: the running server, the sampler of its
 * process tree, and its measured windows merged. A plain trial has one; an A/B trial two, one per
 * side, started from different class paths. Not thread-safe: used by the trial's JMH thread.
 */
final class MeasuredServer implements AutoCloseable {

    private final String side;
    private final RunningServer server;
    private final ProcessTreeSampler sampler;
    private final MeasurementAccumulator measured = new MeasurementAccumulator();
    private ResourceUsage resources;

    private MeasuredServer(String side, RunningServer server, ProcessTreeSampler sampler) {
        this.side = side;
        this.server = server;
        this.sampler = sampler;
    }

    /**
     * Starts the model, in its own process (here or on the server host, as the settings' launcher
     * does) unless the settings say in-process, and its sampler.
     *
     * @param side      {@code A} or {@code B} in an A/B trial, {@code null} in a plain one
     * @param classPath the class path of the server's build, or {@code null} for this JVM's own
     */
    static MeasuredServer start(String side, String model, HarnessSettings settings, String classPath)
            throws IOException {
        RunningServer server;
        if (settings.inProcess()) {
            if (classPath != null) {
                throw new IllegalArgumentException("an A/B trial runs its servers in their own processes, "
                        + "not in-process");
            }
            server = InProcessServer.start(model);
        } else {
            ServerLauncher launcher = settings.serverLauncher();
            server = (classPath == null ? launcher : launcher.withClassPath(classPath)).start(model);
        }
        ProcessTreeSampler sampler = server.processTree()
                .flatMap(tree -> ProcessTreeSampler.start(tree, ProcessTreeSampler.DEFAULT_PERIOD)).orElse(null);
        return new MeasuredServer(side, server, sampler);
    }

    InetSocketAddress address() {
        return server.address();
    }

    /** {@code A} or {@code B} in an A/B trial, {@code null} in a plain one. */
    String side() {
        return side;
    }

    /** The server's CPU time over a sweep's steps, from its sampler; none when it is not sampled. */
    SweepRunner.ServerMeter meter() {
        if (sampler == null) {
            return SweepRunner.ServerMeter.NONE;
        }
        return new SweepRunner.ServerMeter() {
            @Override
            public void windowStart() {
                sampler.markWindowStart();
            }

            @Override
            public Double windowEnd() {
                return sampler.markWindowEnd();
            }
        };
    }

    /** Marks the start of a counted window on this server (after its lead-in). */
    void startWindow(boolean measuring) {
        if (measuring && sampler != null) {
            sampler.markWindowStart();
        }
    }

    /** Ends the window and, when it counts, adds its figures with the server's CPU time over it. */
    void endWindow(LoadResult result, boolean measuring) {
        if (measuring) {
            Double cpu = sampler == null ? null : sampler.markWindowEnd();
            measured.add(result, cpu);
        }
    }

    /** Adds to a scenario's own figure, e.g. the slow clients' responses. */
    void addExtra(String name, double value) {
        measured.addExtra(name, value);
    }

    /** Stops the sampler (keeping its figures) and the server; idempotent. */
    @Override
    public void close() {
        try {
            if (sampler != null && resources == null) {
                resources = sampler.usage();
                sampler.close();
            }
        } finally {
            server.close();
        }
    }

    /** This side of the trial record; call after {@link #close()}. */
    TrialRecord.Side record(HarnessSettings settings, List<String> serverJvmFlags) {
        var serverSide = new TrialRecord.ServerSide(settings.inProcess(),
                settings.serverCpus() == null ? null : settings.serverCpus().text(), serverJvmFlags,
                server.startInfo(), server.stopInfo());
        return new TrialRecord.Side(side, serverSide, measured.toMeasurement(), resources);
    }
}
