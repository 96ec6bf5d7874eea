package dev.concbench.client.cli;

import dev.concbench.client.ConnectionMode;
import dev.concbench.client.LoadModel;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.Request;
import dev.concbench.client.ResponseCheck;
import dev.concbench.client.RunLength;
import dev.concbench.client.SlowSend;
import dev.concbench.client.Transport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load command's arguments, parsed and checked: what to run ({@link #toSpec}), with how many
 * event-loop threads, on which transport, and where to write JSON.
 *
 * @param url       the target URL (http only)
 * @param threads   event-loop threads
 * @param transport the requested transport
 * @param jsonFile  where to write the JSON result, or null
 * @param help      whether only the usage was asked for
 */
record CommandLine(URI url, Settings settings, int threads, Transport transport, Path jsonFile, boolean help) {

    static final int DEFAULT_CONNECTIONS = 10;
    static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    static final int DEFAULT_THREADS = 1;
    /**
     * A cold JVM is slow, and stalls now and then, while it compiles the hot path: not the
     * server's doing. On a busy 2-core machine the client reached full speed only in its third
     * second; a run that counted the first two would understate the server.
     */
    static final Duration DEFAULT_WARMUP = Duration.ofSeconds(2);

    static final String USAGE = """
            Usage: concbench-load [options] URL
              -c, --connections N     connections to keep open (default 10)
              -d, --duration T        how long to measure, e.g. 10s, 500ms, 2m (default 10s)
              -n, --requests N        measure exactly N requests instead of a duration
              -t, --threads N         client event-loop threads (default 1)
              -R, --rate R            open loop: R requests/s over all connections, latency from each
                                      request's intended send time (default: closed loop, as wrk)
                  --warmup T          load before the measurement, excluded from it (default 2s:
                                      the client's JVM compiles its hot path meanwhile)
                  --timeout T         per-request timeout, also the connect timeout (default 2s)
                  --close             a new connection per request (Connection: close)
                  --pipeline N        requests in flight per connection (default 1)
                  --slow KxT          send each request in K pieces T apart, e.g. 5x20ms
              -H, --header 'N: v'     add a request header (repeatable)
              -m, --method M          request method (default GET)
              -b, --body TEXT         request body; @FILE reads it from a file
                  --expect-status S   the status every response must have (default 200)
                  --expect-length N   the body length every response must have
                  --expect-body TEXT  the body every response must have (length and CRC32C); @FILE too
                  --nio               use NIO even where native epoll is available
                  --json FILE         also write the results as JSON to FILE
              -h, --help              print this help
            Errors are counted by kind and never as requests; connections that get no response
            during the measurement are reported as starved.""";

    /** The settings that make up the load spec, before the target address is resolved. */
    record Settings(
            int connections, Duration duration, Long requests, Double rate, Duration warmup, Duration timeout,
            boolean close, int pipeline, SlowSend slow, List<Request.Header> headers, String method, byte[] body,
            int expectStatus, Long expectLength, byte[] expectBody) {
    }

    private static final Pattern SLOW = Pattern.compile("(\\d+)x(.+)");

    /**
     * Parses the arguments.
     *
     * @throws UsageException with a one-line message for anything wrong in them
     */
    static CommandLine parse(String... args) throws UsageException {
        Parser parser = new Parser(args);
        try {
            return parser.parse();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The load spec for these arguments, with the URL's host resolved.
     *
     * @throws UnknownHostException if the host cannot be resolved
     * @throws UsageException       if the settings do not fit together
     */
    LoadSpec toSpec() throws UnknownHostException, UsageException {
        Settings s = settings;
        InetSocketAddress target = new InetSocketAddress(InetAddress.getByName(url.getHost()), port(url));
        try {
            Request request = new Request(s.method(), requestTarget(url), s.headers(), s.body());
            LoadModel model = s.rate() == null
                    ? new LoadModel.ClosedLoop(s.connections())
                    : new LoadModel.OpenLoop(s.connections(), s.rate());
            RunLength length = s.requests() == null ? RunLength.of(s.duration()) : RunLength.requests(s.requests());
            ResponseCheck check = ResponseCheck.status(s.expectStatus());
            if (s.expectBody() != null) {
                check = check.withBody(s.expectBody());
            } else if (s.expectLength() != null) {
                check = check.withBodyLength(s.expectLength());
            }
            return LoadSpec.closedLoop(target, s.connections(), DEFAULT_DURATION)
                    .withRequest(request)
                    .withModel(model)
                    .withLength(length)
                    .withWarmup(s.warmup())
                    .withRequestTimeout(s.timeout())
                    .withConnectionMode(s.close() ? ConnectionMode.CLOSE : ConnectionMode.KEEP_ALIVE)
                    .withPipelineDepth(s.pipeline())
                    .withSlowSend(s.slow())
                    .withCheck(check);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static int port(URI url) {
        return url.getPort() == -1 ? 80 : url.getPort();
    }

    private static String requestTarget(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** A mistake in the arguments: reported in one line with the usage, exit code 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }

    private static final class Parser {
        private final String[] args;
        private int next;
        private String option;

        private int connections = DEFAULT_CONNECTIONS;
        private Duration duration = DEFAULT_DURATION;
        private Long requests;
        private Double rate;
        private Duration warmup = DEFAULT_WARMUP;
        private Duration timeout = LoadSpec.DEFAULT_REQUEST_TIMEOUT;
        private boolean close;
        private int pipeline = 1;
        private SlowSend slow = SlowSend.NONE;
        private final List<Request.Header> headers = new ArrayList<>();
        private String method = "GET";
        private byte[] body = new byte[0];
        private int expectStatus = 200;
        private Long expectLength;
        private byte[] expectBody;
        private int threads = DEFAULT_THREADS;
        private Transport transport = Transport.EPOLL;
        private Path jsonFile;
        private boolean durationGiven;

        Parser(String[] args) {
            this.args = args;
        }

        CommandLine parse() throws UsageException {
            URI url = null;
            while (next < args.length) {
                String arg = args[next++];
                if (arg.equals("-h") || arg.equals("--help")) {
                    return new CommandLine(null, null, threads, transport, null, true);
                }
                if (!arg.startsWith("-") || arg.equals("-")) {
                    if (url != null) {
                        throw new UsageException("more than one URL: " + url + " and " + arg);
                    }
                    url = parseUrl(arg);
                    continue;
                }
                option(arg);
            }
            if (url == null) {
                throw new UsageException("no URL given");
            }
            if (requests != null && durationGiven) {
                throw new UsageException("give a duration (-d) or a request count (-n), not both");
            }
            Settings settings = new Settings(connections, duration, requests, rate, warmup, timeout, close, pipeline,
                    slow, List.copyOf(headers), method, body, expectStatus, expectLength, expectBody);
            return new CommandLine(url, settings, threads, transport, jsonFile, false);
        }

        private void option(String arg) throws UsageException {
            String inlineValue = null;
            if (arg.startsWith("--") && arg.contains("=")) {
                inlineValue = arg.substring(arg.indexOf('=') + 1);
                arg = arg.substring(0, arg.indexOf('='));
            } else if (!arg.startsWith("--") && arg.length() > 2) {
                inlineValue = arg.substring(2); // -c64, as getopt allows
                arg = arg.substring(0, 2);
            }
            option = arg;
            switch (arg) {
                case "-c", "--connections" -> connections = positiveInt(value(inlineValue));
                case "-d", "--duration" -> {
                    duration = positiveDuration(value(inlineValue));
                    durationGiven = true;
                }
                case "-n", "--requests" -> requests = positiveLong(value(inlineValue));
                case "-t", "--threads" -> threads = positiveInt(value(inlineValue));
                case "-R", "--rate" -> rate = positiveDouble(value(inlineValue));
                case "--warmup" -> warmup = Units.parseDuration(value(inlineValue));
                case "--timeout" -> timeout = positiveDuration(value(inlineValue));
                case "--close" -> close = flag(inlineValue);
                case "--pipeline" -> pipeline = positiveInt(value(inlineValue));
                case "--slow" -> slow = slowSend(value(inlineValue));
                case "-H", "--header" -> headers.add(header(value(inlineValue)));
                case "-m", "--method" -> method = value(inlineValue).toUpperCase(Locale.ROOT);
                case "-b", "--body" -> body = textOrFile(value(inlineValue));
                case "--expect-status" -> expectStatus = positiveInt(value(inlineValue));
                case "--expect-length" -> expectLength = nonNegativeLong(value(inlineValue));
                case "--expect-body" -> expectBody = textOrFile(value(inlineValue));
                case "--nio" -> transport = flag(inlineValue) ? Transport.NIO : Transport.EPOLL;
                case "--json" -> jsonFile = Path.of(value(inlineValue));
                default -> throw new UsageException("unknown option " + arg);
            }
        }

        private String value(String inlineValue) throws UsageException {
            if (inlineValue != null) {
                return inlineValue;
            }
            if (next >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            return args[next++];
        }

        private boolean flag(String inlineValue) throws UsageException {
            if (inlineValue != null) {
                throw new UsageException(option + " takes no value");
            }
            return true;
        }

        private int positiveInt(String text) throws UsageException {
            long value = positiveLong(text);
            if (value > Integer.MAX_VALUE) {
                throw new UsageException(option + ": " + text + " is too large");
            }
            return (int) value;
        }

        private long positiveLong(String text) throws UsageException {
            long value = nonNegativeLong(text);
            if (value == 0) {
                throw new UsageException(option + " must be positive, was " + text);
            }
            return value;
        }

        private long nonNegativeLong(String text) throws UsageException {
            try {
                long value = Long.parseLong(text.replace("_", ""));
                if (value < 0) {
                    throw new UsageException(option + " must not be negative, was " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a whole number, not '" + text + "'");
            }
        }

        private double positiveDouble(String text) throws UsageException {
            try {
                double value = Double.parseDouble(text.replace("_", ""));
                if (!(value > 0) || Double.isInfinite(value)) {
                    throw new UsageException(option + " must be positive, was " + text);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new UsageException(option + " needs a number, not '" + text + "'");
            }
        }

        private Duration positiveDuration(String text) throws UsageException {
            Duration value = duration(text);
            if (value.isZero()) {
                throw new UsageException(option + " must be positive, was " + text);
            }
            return value;
        }

        private Duration duration(String text) throws UsageException {
            try {
                return Units.parseDuration(text);
            } catch (IllegalArgumentException e) {
                throw new UsageException(option + ": " + e.getMessage());
            }
        }

        private SlowSend slowSend(String text) throws UsageException {
            Matcher matcher = SLOW.matcher(text);
            if (!matcher.matches()) {
                throw new UsageException(option + " needs PIECESxGAP, e.g. 5x20ms, not '" + text + "'");
            }
            int pieces = positiveInt(matcher.group(1));
            return new SlowSend(pieces, duration(matcher.group(2)));
        }

        private Request.Header header(String text) throws UsageException {
            int colon = text.indexOf(':');
            if (colon <= 0) {
                throw new UsageException(option + " needs 'Name: value', not '" + text + "'");
            }
            try {
                return new Request.Header(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new UsageException(option + ": " + e.getMessage());
            }
        }

        private byte[] textOrFile(String text) throws UsageException {
            if (!text.startsWith("@")) {
                return text.getBytes(StandardCharsets.UTF_8);
            }
            Path file = Path.of(text.substring(1));
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UsageException(option + ": cannot read " + file + ": " + e.getMessage());
            }
        }

        private static URI parseUrl(String text) throws UsageException {
            URI url;
            try {
                url = new URI(text);
            } catch (URISyntaxException e) {
                throw new UsageException("invalid URL '" + text + "': " + e.getReason());
            }
            if (url.getScheme() == null || !url.getScheme().equalsIgnoreCase("http")) {
                throw new UsageException("only http:// URLs are supported, not '" + text + "'");
            }
            if (url.getHost() == null) {
                throw new UsageException("no host in URL '" + text + "'");
            }
            if (url.getRawFragment() != null) {
                throw new UsageException("a URL fragment (#...) is never sent: '" + text + "'");
            }
            return url;
        }
    }
}
