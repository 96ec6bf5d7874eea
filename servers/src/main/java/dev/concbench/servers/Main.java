package dev.concbench.servers;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone server command: runs one model until SIGINT or SIGTERM, so that anyone can point
 * {@code wrk} or {@code curl} at it.
 *
 * <pre>java -jar concbench-servers.jar --model pool --port 9696</pre>
 *
 * <p>Once bound it prints one line, {@code concbench: model NAME listening on http://HOST:PORT ...},
 * which a parent process may wait for; when it stops it prints
 * {@code concbench: model NAME stopped ...} with the model's final {@link Server#report()}. Both
 * end with the report's facts as {@code key=value} words, a value in double quotes when it holds
 * a space.
 * With {@code --exit-on-stdin-eof} it also stops when its standard input reaches end of file, so a
 * parent that starts it with a pipe (a benchmark) leaves no server behind even when it is killed.
 */
public final class Main {

    static final int DEFAULT_PORT = 9696;

    private static final String USAGE = """
            usage: java -jar concbench-servers.jar --model NAME [options]
                   java -jar concbench-servers.jar --list | --help

            Runs one server model on the shared application until SIGINT or SIGTERM.

              --model NAME          the model to run (see --list)
              --host ADDRESS        the address to bind (default 127.0.0.1)
              --port N              the port to bind, 0 for any free port (default 9696)
              --threads N           the model's worker count (threads, event loops, processes)
              --backlog N           the listen backlog (default 1024)
              --read-timeout SECS   close connections silent this long (default 30)
              --exit-on-stdin-eof   also stop when standard input is closed (for a parent
                                    process that starts the server through a pipe)
              --list                list the models (marking the references, which answer
                                    through other HTTP code) and exit
              --help                show this help and exit
            """;

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
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException | NoSuchElementException e) {
            err.println("concbench-servers: " + e.getMessage());
            err.print(USAGE);
            return USAGE_ERROR;
        }
        if (options.help()) {
            out.print(USAGE);
            return 0;
        }
        if (options.list()) {
            for (ServerModel model : ServerModels.all()) {
                out.printf("%-16s %-9s %s%s%n", model.name(), model.reference() ? "reference" : "",
                        model.description(), model.unavailableReason().map(why -> " (unavailable: " + why + ")").orElse(""));
            }
            return 0;
        }
        return serve(options, out, err);
    }

    private static int serve(Options options, PrintStream out, PrintStream err) {
        ServerModel model = options.model();
        Server server = model.create(options.config());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            server.close();
            out.println(reportLine(model, "stopped", server));
            out.flush();
            stopped.countDown();
        }, "concbench-shutdown");
        try {
            var address = server.start();
            Runtime.getRuntime().addShutdownHook(shutdown);
            if (options.exitOnStdinEof()) {
                watchStdin();
            }
            StringBuilder line = new StringBuilder("concbench: model ").append(model.name())
                    .append(" listening on http://").append(address.getHostString()).append(':')
                    .append(address.getPort());
            if (model.workersMeaning() != null) {
                line.append(" (").append(model.workersMeaning()).append(": ")
                        .append(options.config().workersOr(model.defaultWorkers())).append(')');
            }
            server.report().forEach((key, value) -> line.append(' ').append(fact(key, value)));
            out.println(line);
            out.flush();
            stopped.await();
            return 0;
        } catch (IOException e) {
            server.close();
            err.println("concbench-servers: cannot start " + model.name() + " on " + options.config().host()
                    + ":" + options.config().port() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            server.close();
            return 1;
        }
    }

    private static String reportLine(ServerModel model, String event, Server server) {
        StringBuilder line = new StringBuilder("concbench: model ").append(model.name()).append(' ').append(event);
        server.report().forEach((key, value) -> line.append(' ').append(fact(key, value)));
        return line.toString();
    }

    /** {@code key=value}, the value in double quotes when it holds a space or a quote. */
    private static String fact(String key, Object value) {
        String text = String.valueOf(value);
        if (text.isEmpty() || text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"')) {
            text = '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return key + "=" + text;
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

    /** The parsed command line. */
    record Options(boolean help, boolean list, boolean exitOnStdinEof, ServerModel model, ServerConfig config) {

        static Options parse(String[] args) {
            boolean help = false;
            boolean list = false;
            boolean exitOnStdinEof = false;
            String modelName = null;
            ServerConfig config = ServerConfig.defaults().withPort(DEFAULT_PORT);
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "--help", "-h" -> help = true;
                    case "--list" -> list = true;
                    case "--exit-on-stdin-eof" -> exitOnStdinEof = true;
                    case "--model" -> modelName = value(args, ++i, arg);
                    case "--host" -> config = config.withHost(value(args, ++i, arg));
                    case "--port" -> config = config.withPort(number(args, ++i, arg, 0, 65_535));
                    case "--threads" -> config = config.withWorkers(number(args, ++i, arg, 1, 100_000));
                    case "--backlog" -> config = config.withBacklog(number(args, ++i, arg, 1, 1_000_000));
                    case "--read-timeout" ->
                            config = config.withReadTimeout(Duration.ofSeconds(number(args, ++i, arg, 1, 86_400)));
                    default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
                }
            }
            if (help || list) {
                return new Options(help, list, exitOnStdinEof, null, config);
            }
            if (modelName == null) {
                throw new IllegalArgumentException("--model is required; known models: "
                        + String.join(", ", ServerModels.names()));
            }
            return new Options(false, false, exitOnStdinEof, ServerModels.byName(modelName), config);
        }

        private static String value(String[] args, int index, String option) {
            if (index >= args.length || args[index].startsWith("--")) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[index];
        }

        private static int number(String[] args, int index, String option, int min, int max) {
            String text = value(args, index, option);
            try {
                int number = Integer.parseInt(text);
                if (number >= min && number <= max) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(option + " takes a whole number from " + min + " to " + max
                    + ", not '" + text + "'");
        }
    }
}
