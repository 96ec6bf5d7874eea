package dev.concbench.bench;

import dev.concbench.bench.trial.TrialRecord;
import dev.concbench.client.LoadClient;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.capacity.Sweep;
import dev.concbench.client.capacity.SweepRunner;
import dev.concbench.results.BenchmarkResult;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One model's open-loop rate sweep, run by the suite runner itself rather than through JMH: the
 * next rate depends on how the last step went, which JMH's fixed iterations cannot express. The
 * server starts as in a benchmark trial (its own process, the suite's flags and CPUs, its process
 * tree sampled), the load is the scenario's own request and check ({@link ScenarioLoads}), offered
 * open-loop step by step; in an A/B run both builds' servers run and their steps alternate.
 */
public final class SweepTrial {

    /**
     * What a sweep produced on one server.
     *
     * @param side   {@code A} or {@code B}, or {@code null} in a plain run
     * @param sweep  its steps and capacity
     * @param server how the server ran and its resources over the sweep
     */
    public record SideResult(String side, Sweep sweep, TrialRecord.Side server) {
    }

    private SweepTrial() {
    }

    /**
     * Runs the sweep (one per side, each from {@code sweeps}) and stops every server, also when it fails.
     *
     * @param client   the load client, shared by every sweep of the run
     * @param params   the scenario's parameters, e.g. {@code connections=64}, {@code ms=1}
     * @param sweeps   makes a fresh sweep for each side
     * @param pace     the steps' lead-in, windows and cool-down (at least the scenario's queue drain)
     * @param listener told of every step as it is judged
     */
    public static List<SideResult> run(LoadClient client, String model, Scenario scenario, Map<String, String> params,
                                       HarnessSettings settings, Supplier<Sweep> sweeps, SweepRunner.Pace pace,
                                       SweepRunner.StepListener listener) throws IOException, InterruptedException {
        Objects.requireNonNull(sweeps, "sweeps");
        ScenarioLoads loads = ScenarioLoads.of(scenario, params);
        List<MeasuredServer> servers = new ArrayList<>();
        try {
            if (settings.comparesBuilds()) {
                servers.add(MeasuredServer.start(BenchmarkResult.SIDE_A, model, settings, settings.baselineClassPath()));
                servers.add(MeasuredServer.start(BenchmarkResult.SIDE_B, model, settings, null));
            } else {
                servers.add(MeasuredServer.start(null, model, settings, null));
            }
            List<SweepRunner.Target> targets = servers.stream().map(server -> new SweepRunner.Target(server.side(),
                    server.address(), sweeps.get(), server.meter())).toList();
            LoadSpec load = loads.load(servers.getFirst().address(), Duration.ofSeconds(1))
                    .withRequestTimeout(LoadSpec.DEFAULT_REQUEST_TIMEOUT);
            Duration coolDown = pace.coolDown().compareTo(loads.queueDrain()) >= 0 ? pace.coolDown() : loads.queueDrain();
            new SweepRunner(client, load, pace.withCoolDown(coolDown)).run(targets, listener);
            servers.forEach(MeasuredServer::close);
            List<String> serverFlags =
                    settings.effectiveServerJvmFlags(ManagementFactory.getRuntimeMXBean().getInputArguments());
            List<SideResult> results = new ArrayList<>();
            for (int i = 0; i < servers.size(); i++) {
                results.add(new SideResult(servers.get(i).side(), targets.get(i).sweep(),
                        servers.get(i).record(settings, serverFlags)));
            }
            return results;
        } finally {
            servers.forEach(MeasuredServer::close);
        }
    }
}
