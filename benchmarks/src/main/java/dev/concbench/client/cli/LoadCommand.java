package dev.concbench.client.cli;

import dev.concbench.client.ErrorKind;
import dev.concbench.client.LoadClient;
import dev.concbench.client.LoadResult;
import dev.concbench.client.LoadModel;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.RunLength;
import dev.concbench.client.capacity.Sweep;
import dev.concbench.client.capacity.SweepRunner;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ParameterException;

/**
 * {@code java -jar concbench-load.jar [options] URL}: a wrk-like command around {@link LoadClient};
 * with {@code --sweep} or {@code --capacity}, an open-loop rate sweep ({@link SweepRunner}).
 * Prints the report on standard output; usage errors, progress and failures on standard error.
 *
 * <p>Exit codes: 0 when the run or the sweep completed (even with errors, or whatever capacity the
 * sweep found, which the report shows), 1 when the
 * target could not be reached or the JSON file could not be written, 2 for wrong arguments, 130
 * when interrupted.
 */
public final class LoadCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int INTERRUPTED = 130;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean showProgress;

    LoadCommand(PrintStream out, PrintStream err, boolean showProgress) {
        this.out = out;
        this.err = err;
        this.showProgress = showProgress;
    }

    public static void main(String[] args) {
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        System.exit(new LoadCommand(System.out, System.err, terminal).run(args));
    }

    int run(String... args) {
        LoadOptions options;
        LoadSpec spec;
        try {
            options = LoadOptions.parse(args);
            if (options.help()) {
                out.print(LoadOptions.usage());
                return OK;
            }
            spec = options.toSpec();
        } catch (ParameterException e) {
            err.println("concbench-load: " + e.getMessage());
            err.print(LoadOptions.usage());
            return USAGE;
        } catch (UnknownHostException e) {
            err.println("concbench-load: cannot resolve host: " + e.getMessage());
            return FAILED;
        }
        try (LoadClient client = LoadClient.create(options.threads(), options.transport())) {
            String transport = client.transport().label();
            client.epollUnavailableReason().ifPresent(reason ->
                    err.println("concbench-load: native epoll unavailable, using NIO: " + reason));
            return options.sweeps() ? sweep(options, spec, client, transport) : once(options, spec, client, transport);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("concbench-load: interrupted");
            return INTERRUPTED;
        }
    }

    private int once(LoadOptions options, LoadSpec spec, LoadClient client, String transport)
            throws InterruptedException {
        out.print(TextReport.header(options.url(), spec, client.eventLoops(), transport));
        out.flush();
        LoadResult result = client.run(spec, showProgress ? this::progress : LoadClient.ProgressListener.NONE);
        if (showProgress) {
            err.print("\r\033[K");
            err.flush();
        }
        if (unreachable(result)) {
            return FAILED;
        }
        out.print(TextReport.body(result));
        out.flush();
        return writeJson(options.jsonFile(), file -> JsonReport.write(options.url(), transport, result, file));
    }

    /**
     * A rate sweep: one request first, so that a target that is not there fails as it does in a
     * plain run rather than as a capacity below the lowest rate; then the steps, each printed on
     * standard error as it is judged, and the curve and the capacity on standard output.
     */
    private int sweep(LoadOptions options, LoadSpec template, LoadClient client, String transport)
            throws InterruptedException {
        Sweep sweep = options.toSweep();
        SweepRunner.Pace pace = options.toPace();
        out.print(SweepReport.header(options.url(), options.sweepRates(), sweep, template, pace, client.eventLoops(),
                transport));
        out.flush();
        LoadResult probe = client.run(template.withModel(new LoadModel.ClosedLoop(1))
                .withLength(RunLength.requests(1)).withWarmup(Duration.ZERO));
        if (unreachable(probe)) {
            return FAILED;
        }
        err.print(SweepReport.columns());
        new SweepRunner(client, template, pace).run(
                List.of(new SweepRunner.Target(null, template.target(), sweep, SweepRunner.ServerMeter.NONE)),
                (target, step) -> {
                    err.print(SweepReport.row(step));
                    err.flush();
                });
        out.print(SweepReport.body(sweep));
        out.flush();
        return writeJson(options.jsonFile(), file -> JsonReport.writeSweep(options.url(), transport,
                client.eventLoops(), template, pace, sweep, file));
    }

    /**
     * Whether every connection gave up without a single answer, connects failing: the target is
     * not there. Says so on standard error.
     */
    private boolean unreachable(LoadResult result) {
        boolean unreachable = result.fairness().gaveUp() == result.fairness().connections()
                && result.fairness().maxResponses() == 0 && result.requests() == 0
                && result.errors().firstMessage(ErrorKind.CONNECT).isPresent();
        if (unreachable) {
            err.println("concbench-load: cannot connect to " + LoadSpec.authority(result.spec().target()) + ": "
                    + result.errors().firstMessage(ErrorKind.CONNECT).orElse("connect failed"));
        }
        return unreachable;
    }

    /** Writes the JSON file when one was asked for: {@link #OK}, or {@link #FAILED} when it could not be written. */
    private int writeJson(Path file, JsonWriter writer) {
        if (file == null) {
            return OK;
        }
        try {
            writer.write(file);
            return OK;
        } catch (IOException e) {
            err.println("concbench-load: cannot write " + file + ": " + e.getMessage());
            return FAILED;
        }
    }

    @FunctionalInterface
    private interface JsonWriter {
        void write(Path file) throws IOException;
    }

    private void progress(LoadClient.Progress progress) {
        err.print(String.format(Locale.ROOT, "\r\033[K  %s %.0fs: %d requests, %d errors",
                progress.warmingUp() ? "warming up," : "measuring,", progress.elapsed().toNanos() / 1e9,
                progress.requests(), progress.errors()));
        err.flush();
    }
}
