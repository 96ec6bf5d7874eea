package dev.concbench.client.cli;

import dev.concbench.client.ClientTransport;
import dev.concbench.client.ConnectionMode;
import dev.concbench.client.LoadModel;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.Request;
import dev.concbench.client.ResponseCheck;
import dev.concbench.client.RunLength;
import dev.concbench.client.SlowSend;
import dev.concbench.client.capacity.CapacitySearch;
import dev.concbench.client.capacity.CurveSweep;
import dev.concbench.client.capacity.Sweep;
import dev.concbench.client.capacity.SweepRunner;
import dev.concbench.results.Objective;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The load command's arguments as picocli fills them, each value checked by its converter
 * ({@link LoadValues}): what to run ({@link #toSpec}), or with {@code --sweep} or {@code --capacity}
 * which rates to sweep ({@link #toSweep}, {@link #toPace}), with how many event-loop threads, on which
 * transport, and where to write JSON. Flags take no value ({@code --close=yes} is refused, as
 * before picocli). Read-only once parsed.
 */
@Command(name = "concbench-load", customSynopsis = "concbench-load [options] URL", sortOptions = false, usageHelpWidth = 100,
        footer = {"Errors are counted by kind and never as requests; connections that get no response",
                "during the measurement are reported as starved."})
final class LoadOptions {

    static final int DEFAULT_CONNECTIONS = 10;
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    static final int DEFAULT_THREADS = 1;
    /**
     * A cold JVM is slow, and stalls now and then, while it compiles the hot path: not the
     * server's doing. On a busy 2-core machine the client reached full speed only in its third
     * second; a run that counted the first two would understate the server.
     */
    static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);
    /** A sweep's steps: a short window each, longer at low rates so that its p99 rests on enough requests. */
    static final Duration DEFAULT_STEP_WINDOW = Duration.ofSeconds(1);
    static final Duration LONGEST_STEP_WINDOW = Duration.ofSeconds(3);
    static final long FEWEST_STEP_REQUESTS = 300;
    /** The lead-in of every step, on its connections at its rate: the client is warm after the first. */
    static final Duration DEFAULT_STEP_LEAD_IN = Duration.ofMillis(250);
    /** The pause after a failed step, for the requests the server still has queued to drain. */
    static final Duration STEP_COOL_DOWN = Duration.ofSeconds(1);
    static final int DEFAULT_CURVE_STEPS = 8;
    /** A capacity search without {@code --sweep}: from 100/s up x4 to at most 1,000,000/s, then to within 5 %. */
    static final CapacitySearch.Range DEFAULT_SEARCH = new CapacitySearch.Range(100, 1_000_000, 4, 0.05, 24);

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", converter = LoadValues.HttpUrl.class, description = "the target (http only)")
    private URI url;

    @Option(names = {"-c", "--connections"}, paramLabel = "N", converter = LoadValues.PositiveInt.class,
            description = "connections to keep open (default ${DEFAULT-VALUE})")
    private int connections = DEFAULT_CONNECTIONS;

    @Option(names = {"-d", "--duration"}, paramLabel = "T", converter = LoadValues.PositiveDuration.class,
            description = {"how long to measure, e.g. 10s, 500ms, 2m (default 10s); in a sweep,",
                    "each step's window (default 1s, up to 3s at low rates to hold 300 requests)"})
    private Duration duration;

    @Option(names = {"-n", "--requests"}, paramLabel = "N", converter = LoadValues.PositiveLong.class,
            description = "measure exactly N requests instead of a duration")
    private Long requests;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", converter = LoadValues.PositiveInt.class,
            description = "client event-loop threads (default ${DEFAULT-VALUE})")
    private int threads = DEFAULT_THREADS;

    @Option(names = {"-R", "--rate"}, paramLabel = "R", converter = LoadValues.PositiveRate.class,
            description = {"open loop: R requests/s over all connections, latency from each",
                    "request's intended send time (default: closed loop, as wrk)"})
    private Double rate;

    @Option(names = "--sweep", paramLabel = "FROM:TO[:STEPS]", converter = LoadValues.Rates.class,
            description = {"open loop, a latency curve: STEPS rates (default 8) from FROM to TO",
                    "requests/s, geometrically spaced, each step judged by the objective",
                    "(--capacity's, else p99<10ms); it stops once the server has clearly",
                    "left it. With --capacity and no STEPS: the range of the search"})
    private LoadValues.SweepRates sweep;

    @Option(names = "--capacity", paramLabel = "OBJECTIVE", converter = LoadValues.ObjectiveText.class,
            description = {"open loop, the highest rate meeting OBJECTIVE, e.g. 'p99<10ms' (corrected",
                    "latency; also errors <= 0.1 %, achieved >= 99 % of offered, client not",
                    "saturated), as a bracket [last pass, first fail]: from 100/s (or FROM) up",
                    "x4 to at most 1,000,000/s (or TO), then bisecting to within 5 %, at most",
                    "24 steps. Each step: lead-in (--warmup), window (-d), 1s pause after a fail"})
    private Objective capacity;

    @Option(names = "--warmup", paramLabel = "T", converter = LoadValues.AnyDuration.class,
            description = {"load before the measurement, excluded from it (default 2s:",
                    "the client's JVM compiles its hot path meanwhile); in a sweep, before",
                    "each step (default 250ms)"})
    private Duration warmup;

    @Option(names = "--timeout", paramLabel = "T", converter = LoadValues.PositiveDuration.class,
            description = "per-request timeout, also the connect timeout (default 2s)")
    private Duration timeout = LoadSpec.DEFAULT_REQUEST_TIMEOUT;

    @Option(names = "--close", arity = "0", description = "a new connection per request (Connection: close)")
    private boolean close;

    @Option(names = "--pipeline", paramLabel = "N", converter = LoadValues.PositiveInt.class,
            description = "requests in flight per connection (default ${DEFAULT-VALUE})")
    private int pipeline = 1;

    @Option(names = "--slow", paramLabel = "KxT", converter = LoadValues.Slow.class,
            description = "send each request in K pieces T apart, e.g. 5x20ms")
    private SlowSend slow = SlowSend.NONE;

    @Option(names = {"-H", "--header"}, paramLabel = "'N: v'", converter = LoadValues.Header.class,
            description = "add a request header (repeatable)")
    private List<Request.Header> headers = new ArrayList<>();

    @Option(names = {"-m", "--method"}, paramLabel = "M", description = "request method (default ${DEFAULT-VALUE})")
    private String method = "GET";

    @Option(names = {"-b", "--body"}, paramLabel = "TEXT", description = "request body; @FILE reads it from a file")
    private String body = "";

    @Option(names = "--expect-status", paramLabel = "S", converter = LoadValues.PositiveInt.class,
            description = "the status every response must have (default ${DEFAULT-VALUE})")
    private int expectStatus = 200;

    @Option(names = "--expect-length", paramLabel = "N", converter = LoadValues.NonNegativeLong.class,
            description = "the body length every response must have")
    private Long expectLength;

    @Option(names = "--expect-body", paramLabel = "TEXT",
            description = "the body every response must have (length and CRC32C); @FILE too")
    private String expectBody;

    @Option(names = "--nio", arity = "0", description = "use NIO even where native epoll is available")
    private boolean nio;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON to FILE")
    private Path jsonFile;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "print this help")
    private boolean help;

    /**
     * Parses the arguments.
     *
     * @throws ParameterException with a one-line message for anything wrong in them
     */
    static LoadOptions parse(String... args) {
        LoadOptions options = new LoadOptions();
        CommandLine commandLine = new CommandLine(options);
        try {
            commandLine.parseArgs(args);
        } catch (ParameterException e) {
            throw refusedValue(commandLine, e);
        }
        if (!options.help && options.requests != null && options.duration != null) {
            throw new ParameterException(options.spec.commandLine(),
                    "give a duration (-d) or a request count (-n), not both");
        }
        if (!options.help && options.sweeps()) {
            options.refuseWithSweep("--rate", "-R/--rate");
            options.refuseWithSweep("--requests", "-n/--requests");
            options.refuseWithSweep("--slow", "--slow");
        }
        return options;
    }

    /** A sweep sets each step's rate and length itself and sends requests whole. */
    private void refuseWithSweep(String option, String label) {
        if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
            throw new ParameterException(spec.commandLine(),
                    "give " + (sweep != null ? "--sweep" : "--capacity") + " or " + label + ", not both");
        }
    }

    /**
     * A value a converter refused, named by its option alone: picocli adds the parameter label for a
     * repeatable option ({@code option '--header' ('N: v')}), which reads as part of the reason.
     */
    private static ParameterException refusedValue(CommandLine commandLine, ParameterException e) {
        if (e.getCause() instanceof TypeConversionException reason && e.getArgSpec() instanceof OptionSpec option) {
            return new ParameterException(commandLine, "Invalid value for option '" + option.longestName() + "': "
                    + reason.getMessage(), reason, option, e.getValue());
        }
        return e;
    }

    /** The usage text, for {@code --help} and after a mistake. */
    static String usage() {
        return new CommandLine(new LoadOptions()).getUsageMessage();
    }

    /** The target URL (http only). */
    URI url() {
        return url;
    }

    /** Event-loop threads. */
    int threads() {
        return threads;
    }

    /** The requested transport. */
    ClientTransport transport() {
        return nio ? ClientTransport.NIO : ClientTransport.EPOLL;
    }

    /** Where to write the JSON result, or null. */
    Path jsonFile() {
        return jsonFile;
    }

    /** Whether this is a rate sweep ({@code --sweep} or {@code --capacity}) rather than one run. */
    boolean sweeps() {
        return sweep != null || capacity != null;
    }

    /**
     * The rates a sweep covers: {@code --sweep}'s, or the default search's range; {@code steps} is
     * the curve's number of rates (the default when {@code --sweep} left it out), or {@code null}
     * for a capacity search ({@code --capacity} without STEPS).
     */
    LoadValues.SweepRates sweepRates() {
        if (sweep == null) {
            return new LoadValues.SweepRates(DEFAULT_SEARCH.lowestRate(), DEFAULT_SEARCH.highestRate(), null);
        }
        if (capacity != null && sweep.steps() == null) {
            return sweep;
        }
        return new LoadValues.SweepRates(sweep.from(), sweep.to(),
                sweep.steps() == null ? DEFAULT_CURVE_STEPS : sweep.steps());
    }

    /** A fresh sweep over {@link #sweepRates()}: a curve when it has steps, else a capacity search. */
    Sweep toSweep() {
        Objective objective = capacity == null ? Objective.DEFAULT : capacity;
        LoadValues.SweepRates rates = sweepRates();
        if (rates.steps() != null) {
            return new CurveSweep(objective, CurveSweep.ladder(rates.from(), rates.to(), rates.steps()));
        }
        return new CapacitySearch(objective, new CapacitySearch.Range(rates.from(), rates.to(),
                DEFAULT_SEARCH.growth(), DEFAULT_SEARCH.resolution(), DEFAULT_SEARCH.maxSteps()));
    }

    /**
     * How long each step of a sweep lasts: {@code -d} fixes the window, {@code --warmup} the
     * lead-in; the sweep starts after {@link SweepRunner.Pace#DEFAULT_WARM_UP} of closed-loop load.
     */
    SweepRunner.Pace toPace() {
        Duration leadIn = warmup == null ? DEFAULT_STEP_LEAD_IN : warmup;
        return duration == null
                ? new SweepRunner.Pace(SweepRunner.Pace.DEFAULT_WARM_UP, leadIn, DEFAULT_STEP_WINDOW, LONGEST_STEP_WINDOW,
                        FEWEST_STEP_REQUESTS, STEP_COOL_DOWN)
                : new SweepRunner.Pace(SweepRunner.Pace.DEFAULT_WARM_UP, leadIn, duration, duration, 1,
                        STEP_COOL_DOWN);
    }

    /** Whether only the usage was asked for. */
    boolean help() {
        return help;
    }

    /**
     * The load spec for these arguments, with the URL's host resolved; for a sweep, the template of
     * its steps (their request, check, connections and timeout).
     *
     * @throws UnknownHostException if the host cannot be resolved
     * @throws ParameterException   if the settings do not fit together or a file cannot be read
     */
    LoadSpec toSpec() throws UnknownHostException {
        InetSocketAddress target = new InetSocketAddress(InetAddress.getByName(url.getHost()), port(url));
        byte[] requestBody = textOrFile("--body", body);
        byte[] expectedBody = expectBody == null ? null : textOrFile("--expect-body", expectBody);
        try {
            Request request = new Request(method.toUpperCase(Locale.ROOT), requestTarget(url), headers, requestBody);
            LoadModel model = rate == null
                    ? new LoadModel.ClosedLoop(connections)
                    : new LoadModel.OpenLoop(connections, rate);
            RunLength length = requests == null
                    ? RunLength.of(duration == null ? DEFAULT_DURATION : duration)
                    : RunLength.requests(requests);
            ResponseCheck check = ResponseCheck.status(expectStatus);
            if (expectedBody != null) {
                check = check.withBody(expectedBody);
            } else if (expectLength != null) {
                check = check.withBodyLength(expectLength);
            }
            return LoadSpec.closedLoop(target, connections, DEFAULT_DURATION)
                    .withRequest(request)
                    .withModel(model)
                    .withLength(length)
                    .withWarmup(warmup == null ? DEFAULT_WARMUP : warmup)
                    .withRequestTimeout(timeout)
                    .withConnectionMode(close ? ConnectionMode.CLOSE : ConnectionMode.KEEP_ALIVE)
                    .withPipelineDepth(pipeline)
                    .withSlowSend(slow)
                    .withCheck(check);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static int port(URI url) {
        return url.getPort() == -1 ? 80 : url.getPort();
    }

    private static String requestTarget(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** The text itself, or with {@code @FILE} the file's bytes. */
    private byte[] textOrFile(String option, String text) {
        if (!text.startsWith("@")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(text.substring(1));
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), option + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
