package dev.concbench.client.capacity;

import dev.concbench.client.ClientCpu;
import dev.concbench.client.LoadClient;
import dev.concbench.client.LoadModel;
import dev.concbench.client.LoadResult;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.RunLength;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepStep;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Applies sweeps: each step one open-loop window at the rate its sweep asks for, after a lead-in
 * on the same connections at the same rate that no figure counts. A step the client failed by
 * stalling rather than by being saturated is taken again once; the listener hears of both, the
 * sweep records the second. Given two targets (an A/B run's servers), their steps alternate, A
 * then B in even rounds and B then A in odd ones, so that neither side gains from a machine that
 * drifts; each side follows its own sweep.
 */
public final class SweepRunner {

    /**
     * How long each step lasts.
     *
     * @param warmUp         closed-loop load on the sweep's connections before its first step, not
     *                       counted: a freshly started server (and the client) compiles its hot code
     *                       first, so that a step's window measures the server's pace, not its JIT
     * @param leadIn         load before each window, on its connections and at its rate, not counted
     * @param shortestWindow the shortest measured window
     * @param longestWindow  the longest: a window lasts long enough for {@code fewestRequests} at its rate, within these
     * @param fewestRequests the requests a window should hold, so that its p99 rests on enough of them
     * @param coolDown       the wait before a server's next step after it failed one, for the
     *                       requests it still had queued to drain
     */
    public record Pace(Duration warmUp, Duration leadIn, Duration shortestWindow, Duration longestWindow,
                       long fewestRequests, Duration coolDown) {

        /**
         * The warm-up the suites and the load command give a sweep: 2 s of closed loop (without it a
         * fresh {@code pool} server failed a 1 ms sleep at 800/s in its third step, in one run).
         */
        public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(2);

        public Pace {
            Objects.requireNonNull(warmUp, "warmUp");
            Objects.requireNonNull(leadIn, "leadIn");
            Objects.requireNonNull(coolDown, "coolDown");
            if (warmUp.isNegative() || leadIn.isNegative() || coolDown.isNegative()) {
                throw new IllegalArgumentException("warm-up, lead-in and cool-down must not be negative");
            }
            if (shortestWindow.isNegative() || shortestWindow.isZero() || longestWindow.compareTo(shortestWindow) < 0) {
                throw new IllegalArgumentException("windows must be positive and the longest at least the shortest, got "
                        + shortestWindow + " and " + longestWindow);
            }
            if (fewestRequests < 1) {
                throw new IllegalArgumentException("fewestRequests must be at least 1, got " + fewestRequests);
            }
        }

        /** The same pace with another cool-down. */
        public Pace withCoolDown(Duration newCoolDown) {
            return new Pace(warmUp, leadIn, shortestWindow, longestWindow, fewestRequests, newCoolDown);
        }

        /** The measured window of a step at this rate. */
        public Duration window(double rate) {
            long nanos = (long) (fewestRequests * 1e9 / rate);
            return Duration.ofNanos(Math.clamp(nanos, shortestWindow.toNanos(), longestWindow.toNanos()));
        }
    }

    /** Reads the server's CPU time over a window; {@link #NONE} where it is not sampled. */
    public interface ServerMeter {

        ServerMeter NONE = new ServerMeter() {
            @Override
            public void windowStart() {
            }

            @Override
            public Double windowEnd() {
                return null;
            }
        };

        /** The counted window begins (its lead-in is over). */
        void windowStart();

        /** The window ended: the server's CPU seconds over it, or {@code null} when not sampled. */
        Double windowEnd();
    }

    /**
     * One server's sweep.
     *
     * @param side    the A/B side, or {@code null} for the one server of a plain run
     * @param address where the server listens
     * @param sweep   the rates it is offered
     * @param meter   what reads its CPU time
     */
    public record Target(String side, InetSocketAddress address, Sweep sweep, ServerMeter meter) {
        public Target {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(sweep, "sweep");
            Objects.requireNonNull(meter, "meter");
        }
    }

    /** Told about every step as soon as it is judged, on the thread that runs the sweeps. */
    @FunctionalInterface
    public interface StepListener {
        void onStep(Target target, SweepStep step);
    }

    private final LoadClient client;
    private final LoadSpec load;
    private final Pace pace;

    /**
     * @param load the request, its check and the connections of every step (its target, load model,
     *             length and warm-up are replaced per step)
     */
    public SweepRunner(LoadClient client, LoadSpec load, Pace pace) {
        this.client = Objects.requireNonNull(client, "client");
        this.load = Objects.requireNonNull(load, "load");
        this.pace = Objects.requireNonNull(pace, "pace");
    }

    /** Warms every target up (see {@link Pace#warmUp()}), then runs every target's sweep to its end. */
    public void run(List<Target> targets, StepListener listener) throws InterruptedException {
        if (!pace.warmUp().isZero()) {
            for (Target target : targets) {
                client.run(load.withTarget(target.address()).withModel(new LoadModel.ClosedLoop(load.model().connections()))
                        .withLength(new RunLength.Timed(pace.warmUp())).withWarmup(Duration.ZERO));
            }
        }
        boolean[] failedLast = new boolean[targets.size()];
        boolean any = true;
        for (int round = 0; any; round++) {
            any = false;
            for (int k = 0; k < targets.size(); k++) {
                int index = round % 2 == 0 ? k : targets.size() - 1 - k;
                Target target = targets.get(index);
                var rate = target.sweep().nextRate();
                if (rate.isEmpty()) {
                    continue;
                }
                any = true;
                if (failedLast[index]) {
                    Thread.sleep(pace.coolDown());
                }
                SweepStep step = step(target, rate.getAsDouble());
                if (stalled(step)) {
                    listener.onStep(target, step);
                    step = step(target, rate.getAsDouble());
                }
                failedLast[index] = step.verdict() != StepVerdict.PASS;
                target.sweep().record(step);
                listener.onStep(target, step);
            }
        }
    }

    /**
     * Whether the client failed a step by stalling (it sent late without being saturated): a
     * passing disturbance (its own garbage collection, a compilation, another process) rather than
     * its limit, so the step is taken again once and only the second is recorded.
     */
    private static boolean stalled(SweepStep step) {
        return step.verdict() == StepVerdict.CLIENT_FAILED && step.clientUtilization() < ClientCpu.SATURATED_UTILIZATION;
    }

    private SweepStep step(Target target, double rate) throws InterruptedException {
        LoadSpec spec = load.withTarget(target.address())
                .withModel(new LoadModel.OpenLoop(load.model().connections(), rate))
                .withLength(new RunLength.Timed(pace.window(rate))).withWarmup(pace.leadIn());
        LoadResult window = client.run(spec, new LoadClient.ProgressListener() {
            @Override
            public void onProgress(LoadClient.Progress progress) {
            }

            @Override
            public void onMeasurementStart() {
                target.meter().windowStart();
            }
        });
        Double serverCpu = target.meter().windowEnd();
        return StepJudge.judge(target.sweep().steps().size(), rate, window, serverCpu, target.sweep().objective());
    }
}
