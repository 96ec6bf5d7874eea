package dev.concbench.client.cli;

import dev.concbench.client.ErrorKind;
import dev.concbench.client.LoadClient;
import dev.concbench.client.LoadResult;
import dev.concbench.client.LoadSpec;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.UnknownHostException;
import java.util.Locale;
import picocli.CommandLine.ParameterException;

/**
 * {@code java -jar concbench-load.jar [options] URL}: a wrk-like command around {@link LoadClient}.
 * Prints the report on standard output; usage errors, progress and failures on standard error.
 *
 * <p>Exit codes: 0 when the run completed (even with errors, which the report lists), 1 when the
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
            out.print(TextReport.header(options.url(), spec, client.eventLoops(), transport));
            out.flush();
            LoadResult result = client.run(spec, showProgress ? this::progress : LoadClient.ProgressListener.NONE);
            if (showProgress) {
                err.print("\r\033[K");
                err.flush();
            }
            if (unreachable(result)) {
                err.println("concbench-load: cannot connect to " + LoadSpec.authority(spec.target()) + ": "
                        + result.errors().firstMessage(ErrorKind.CONNECT).orElse("connect failed"));
                return FAILED;
            }
            out.print(TextReport.body(result));
            out.flush();
            if (options.jsonFile() != null) {
                try {
                    JsonReport.write(options.url(), transport, result, options.jsonFile());
                } catch (IOException e) {
                    err.println("concbench-load: cannot write " + options.jsonFile() + ": " + e.getMessage());
                    return FAILED;
                }
            }
            return OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("concbench-load: interrupted");
            return INTERRUPTED;
        }
    }

    /** Every connection gave up without a single answer, connects failing: the target is not there. */
    private static boolean unreachable(LoadResult result) {
        return result.fairness().gaveUp() == result.fairness().connections() && result.fairness().maxResponses() == 0
                && result.requests() == 0 && result.errors().firstMessage(ErrorKind.CONNECT).isPresent();
    }

    private void progress(LoadClient.Progress progress) {
        err.print(String.format(Locale.ROOT, "\r\033[K  %s %.0fs: %d requests, %d errors",
                progress.warmingUp() ? "warming up," : "measuring,", progress.elapsed().toNanos() / 1e9,
                progress.requests(), progress.errors()));
        err.flush();
    }
}
