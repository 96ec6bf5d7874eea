package dev.concbench.servers;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The standalone server command: runs one model until SIGINT or SIGTERM, so that anyone can point
 * {@code wrk} or {@code curl} at it.
 *
 * <pre>java -jar concbench-servers.jar --model pool --port 9696</pre>
 *
 * <p>Once bound it prints one line, {@code concbench: model NAME listening on http://HOST:PORT ...},
 * which a parent process may wait for; when it stops it prints
 * {@code concbench: model NAME stopped ...} with the model's final {@link Server#report()}. Both
 * end with the report's figures as {@code name=value} words ({@link ServerReport#words()}), which
 * {@link ServerReport#parseWords(String)} reads back.
 * With {@code --exit-on-stdin-eof} it also stops when its standard input reaches end of file, so a
 * parent that starts it with a pipe (a benchmark) leaves no server behind even when it is killed.
 */
public final class Main {

    static final int DEFAULT_PORT = 9696;

    /** Exit code for bad arguments. */
    static final int USAGE_ERROR = 2;

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options = new Options();
        CommandLine commandLine = new CommandLine(options);
        ServerModel model;
        ServerConfig config;
        try {
            commandLine.parseArgs(args);
            if (options.help) {
                out.print(commandLine.getUsageMessage());
                return 0;
            }
            if (options.list) {
                list(out);
                return 0;
            }
            model = options.model();
            config = options.config();
        } catch (ParameterException | IllegalArgumentException | NoSuchElementException e) {
            err.println("concbench-servers: " + e.getMessage());
            err.print(commandLine.getUsageMessage());
            return USAGE_ERROR;
        }
        return serve(model, config, options.exitOnStdinEof, out, err);
    }

    private static void list(PrintStream out) {
        for (ServerModel model : ServerModels.all()) {
            out.printf("%-16s %-9s %s%s%n", model.name(), model.reference() ? "reference" : "",
                    model.description(), model.unavailableReason().map(why -> " (unavailable: " + why + ")").orElse(""));
        }
    }

    private static int serve(ServerModel model, ServerConfig config, boolean exitOnStdinEof, PrintStream out,
                             PrintStream err) {
        Server server = model.create(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            server.close();
            out.println(withReport("concbench: model " + model.name() + " stopped", server));
            out.flush();
            stopped.countDown();
        }, "concbench-shutdown");
        try {
            var address = server.start();
            Runtime.getRuntime().addShutdownHook(shutdown);
            if (exitOnStdinEof) {
                watchStdin();
            }
            StringBuilder line = new StringBuilder("concbench: model ").append(model.name())
                    .append(" listening on http://").append(address.getHostString()).append(':')
                    .append(address.getPort());
            if (model.workersMeaning() != null) {
                line.append(" (").append(model.workersMeaning()).append(": ")
                        .append(config.workersOr(model.defaultWorkers())).append(')');
            }
            out.println(withReport(line, server));
            out.flush();
            stopped.await();
            return 0;
        } catch (IOException e) {
            server.close();
            err.println("concbench-servers: cannot start " + model.name() + " on " + config.host()
                    + ":" + config.port() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            server.close();
            return 1;
        }
    }

    /** The line, then the server's report as words, if it has any figures. */
    private static String withReport(CharSequence line, Server server) {
        String words = server.report().words();
        return words.isEmpty() ? line.toString() : line + " " + words;
    }

    /**
     * Exits the JVM (through the shutdown hook, as SIGTERM would) once standard input reaches end
     * of file or fails: the parent closed the pipe or died.
     */
    private static void watchStdin() {
        Thread.ofPlatform().daemon().name("concbench-stdin-watch").start(() -> {
            try {
                while (System.in.read() != -1) {
                    // the input carries no commands; only its end matters
                }
            } catch (IOException e) {
                // a broken pipe ends the input as well
            }
            System.exit(0);
        });
    }

    /** The command line as picocli fills it; {@link #model()} and {@link #config()} check what it cannot. */
    @Command(name = "concbench-servers", synopsisHeading = "usage: ", sortOptions = false, usageHelpWidth = 100,
            customSynopsis = {"java -jar concbench-servers.jar --model NAME [options]",
                    "       java -jar concbench-servers.jar --list | --help"},
            description = "%nRuns one server model on the shared application until SIGINT or SIGTERM.%n",
            optionListHeading = "%n")
    static final class Options {

        @Option(names = "--model", paramLabel = "NAME", description = "the model to run (see --list)")
        private String model;

        @Option(names = "--host", paramLabel = "ADDRESS", description = "the address to bind (default ${DEFAULT-VALUE})")
        private String host = ServerConfig.DEFAULT_HOST;

        @Option(names = "--port", paramLabel = "N",
                description = "the port to bind, 0 for any free port (default ${DEFAULT-VALUE})")
        private int port = DEFAULT_PORT;

        @Option(names = "--threads", paramLabel = "N",
                description = "the model's worker count (threads, event loops, processes)")
        private Integer workers;

        @Option(names = "--backlog", paramLabel = "N", description = "the listen backlog (default ${DEFAULT-VALUE})")
        private int backlog = ServerConfig.DEFAULT_BACKLOG;

        @Option(names = "--read-timeout", paramLabel = "SECS",
                description = "close connections silent this long (default ${DEFAULT-VALUE})")
        private long readTimeoutSeconds = ServerConfig.DEFAULT_READ_TIMEOUT.toSeconds();

        @Option(names = "--exit-on-stdin-eof", description = {"also stop when standard input is closed (for a parent",
                "process that starts the server through a pipe)"})
        private boolean exitOnStdinEof;

        @Option(names = "--list", description = {"list the models (marking the references, which answer",
                "through other HTTP code) and exit"})
        private boolean list;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        private boolean help;

        /** The model named by {@code --model}. */
        ServerModel model() {
            if (model == null) {
                throw new IllegalArgumentException("--model is required; known models: "
                        + String.join(", ", ServerModels.names()));
            }
            return ServerModels.byName(model);
        }

        /** The server's configuration from the options, each number checked against its range. */
        ServerConfig config() {
            ServerConfig config = ServerConfig.defaults().withHost(host)
                    .withPort(within("--port", port, 0, 65_535))
                    .withBacklog(within("--backlog", backlog, 1, 1_000_000))
                    .withReadTimeout(Duration.ofSeconds(within("--read-timeout", readTimeoutSeconds, 1, 86_400)));
            return workers == null ? config : config.withWorkers(within("--threads", workers, 1, 100_000));
        }

        private static int within(String option, long value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(option + " takes a whole number from " + min + " to " + max
                        + ", not '" + value + "'");
            }
            return (int) value;
        }
    }
}
