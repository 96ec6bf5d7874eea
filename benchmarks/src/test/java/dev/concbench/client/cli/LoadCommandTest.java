package dev.concbench.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concbench.client.testing.NettyLeakCheck;
import dev.concbench.client.testing.ScriptedServer;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModels;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@ExtendWith(NettyLeakCheck.class)
class LoadCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-c abc http://127.0.0.1:1/           | option '--connections': needs a whole number, not 'abc'",
            "-c 0 http://127.0.0.1:1/             | option '--connections': must be positive, was 0",
            "-d ten http://127.0.0.1:1/           | option '--duration': 'ten' is not a duration",
            "-c                                   | Missing required parameter for option '--connections'",
            "--bogus http://127.0.0.1:1/          | Unknown option: '--bogus'",
            "-c 4                                 | Missing required parameter: 'URL'",
            "https://127.0.0.1:1/                 | only http:// URLs are supported",
            "http://127.0.0.1:1/ http://other/    | Unmatched argument at index 1: 'http://other/'",
            "-d 1s -n 5 http://127.0.0.1:1/       | give a duration (-d) or a request count (-n), not both",
            "--slow 5 http://127.0.0.1:1/         | option '--slow': needs PIECESxGAP",
            "--slow 5x1s http://127.0.0.1:1/      | requestTimeout",
            "--close --pipeline 2 http://127.0.0.1:1/ | pipelining needs keep-alive connections",
            "-H NoColon http://127.0.0.1:1/       | option '--header': needs 'Name: value'",
            "-H Connection:close http://127.0.0.1:1/ | set by the client",
            "--close=yes http://127.0.0.1:1/      | '--close' should be specified without 'yes' parameter",
            "--body @/nonexistent http://127.0.0.1:1/ | --body: cannot read /nonexistent",
            "--sweep 1000 http://127.0.0.1:1/     | option '--sweep': needs FROM:TO[:STEPS] in requests/s",
            "--sweep 1000:x http://127.0.0.1:1/   | option '--sweep': needs a number, not 'x'",
            "--sweep 800:400 http://127.0.0.1:1/  | option '--sweep': TO must be above FROM, got '800:400'",
            "--sweep 1:2:1 http://127.0.0.1:1/    | option '--sweep': a curve needs at least 2 STEPS",
            "--capacity p99 http://127.0.0.1:1/   | option '--capacity': a latency objective is written like p99<10ms",
            "--capacity p100<1s http://127.0.0.1:1/ | option '--capacity': objective percentile must be above 0",
            "--capacity p99<1ms -R 10 http://127.0.0.1:1/ | give --capacity or -R/--rate, not both",
            "--sweep 1:2 --capacity p99<1ms -n 5 http://127.0.0.1:1/ | give --sweep or -n/--requests, not both",
            "--slow 2x1ms --sweep 1:2 http://127.0.0.1:1/ | give --sweep or --slow, not both",
    })
    void badArgumentsGiveOneLineAndTheUsageWithExitCode2(String args, String message) {
        int exit = command().run(args.trim().split("\\s+"));

        assertThat(exit).isEqualTo(2);
        String[] lines = err().split("\n");
        assertThat(lines[0]).startsWith("concbench-load: ").contains(message);
        assertThat(lines[1]).startsWith("Usage: concbench-load");
        assertThat(err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void helpPrintsTheUsage() {
        assertThat(command().run("--help")).isZero();
        assertThat(out()).startsWith("Usage: concbench-load [options] URL").contains("--json=FILE", "-c, --connections=N",
                "(default 10)", "--timeout=T", "(default 2s)", "starved");
    }

    @Test
    void helpDocumentsTheSweepsAndTheirDefaults() {
        assertThat(command().run("--help")).isZero();
        assertThat(out()).contains("--sweep=FROM:TO[:STEPS]", "STEPS rates (default 8)", "--capacity=OBJECTIVE",
                "from 100/s (or FROM)", "1,000,000/s (or TO)", "within 5 %", "24 steps", "(default 250ms)",
                "(default 1s, up to 3s");
    }

    @ParameterizedTest
    @CsvSource({"-d, 5s", "--capacity, p99<10ms"})
    void aTargetThatRefusesConnectionsIsOneClearLineAndExit1(String option, String value) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        int exit = command().run("-c", "2", option, value, "http://127.0.0.1:" + port + "/");

        assertThat(exit).isEqualTo(1);
        assertThat(err()).startsWith("concbench-load: cannot connect to 127.0.0.1:" + port + ": ")
                .containsIgnoringCase("refused").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(err().lines()).hasSize(1);
    }

    @Test
    void aRunPrintsTheWrkLikeReportAndWritesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("result.json");
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.keepAlive("Hello, World!"))) {
            int exit = command().run("-c", "4", "-n", "400", "--warmup", "300ms", "--expect-body", "Hello, World!",
                    "-H", "X-Test: 1", "--json", json.toString(), url(server.address(), "/hello"));

            assertThat(exit).as(err()).isZero();
        }
        assertThat(out())
                .contains("Running 400 requests test @ http://127.0.0.1:")
                .contains("/hello (after 300ms of warm-up)\n")
                .contains("  1 threads and 4 connections (closed loop, keep-alive, ")
                .contains("  Latency Distribution\n")
                .contains("   99.990% ")
                .contains("  400 requests in ")
                .contains("  Fairness: responses per connection min ")
                .contains("0 starved")
                .contains("Requests/sec: ")
                .contains("Transfer/sec: ")
                .doesNotContain("Errors:")
                .doesNotContain("WARNING");
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.get("format").asText()).isEqualTo(JsonReport.FORMAT);
        assertThat(result.get("requests").asLong()).isEqualTo(400);
        assertThat(result.get("errors").get("total").asLong()).isZero();
        assertThat(result.get("model").get("type").asText()).isEqualTo("closed");
        assertThat(result.get("latency").get("count").asLong()).isEqualTo(400);
        assertThat(result.get("latency").get("percentilesMicros").get("99.99").asDouble()).isPositive();
        assertThat(result.get("latency").get("histogram").asText()).isNotEmpty();
        assertThat(result.get("fairness").get("starved").asInt()).isZero();
        assertThat(result.get("flags").isEmpty()).isTrue();
        assertThat(dir.toFile().list()).containsExactly("result.json");
    }

    @Test
    void errorsAndStarvedConnectionsAreReportedAndFlagged(@TempDir Path dir) throws Exception {
        AtomicInteger connections = new AtomicInteger();
        Path json = dir.resolve("result.json");
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            if (connections.incrementAndGet() > 1) {
                connection.readRequest();
                connection.readRequest(); // never answered: starved until the client closes
                return;
            }
            while (connection.readRequest() != null) {
                connection.write("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\n\r\nbusy");
            }
        })) {
            int exit = command().run("-c", "3", "-d", "500ms", "--warmup", "0", "--timeout", "5s", "--json", json.toString(),
                    url(server.address(), "/"));

            assertThat(exit).as(err()).isZero();
        }
        assertThat(out())
                .contains("  Errors: ")
                .containsPattern("    status +\\d+  \\(first: status 503, expected 200\\)")
                .contains("  WARNING: 2 of 3 connections got no response at all during the measurement (starved)")
                .contains("  0 requests in ");
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.get("flags").toString()).contains("errors").contains("starved");
        assertThat(result.get("fairness").get("starved").asInt()).isEqualTo(2);
        assertThat(result.get("errors").get("status").asLong()).isPositive();
    }

    /**
     * A curve against a real model, /sleep?ms=1 on four connections: a few thousand answers a second
     * at most, so 400/s meets a generous objective (even on a busy machine) and 10,000/s cannot, and
     * the curve stops there.
     */
    @Test
    void aCurvePrintsEachStepTheTableAndTheBracketAndWritesJson(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("curve.json");
        sweepASleepingPool("-c", "4", "--sweep", "400:10000:2", "--capacity", "p99<1s", "-d", "1s", "--warmup",
                "200ms", "--json", json.toString());

        assertThat(out())
                .contains("Latency curve @ http://127.0.0.1:")
                .contains("/sleep?ms=1: 2 rates from 400/s to 10,000/s\n")
                .contains("  1 threads and 4 connections (open loop, keep-alive, ")
                .contains("  each step: 200ms of lead-in, then a window of 1s; a 1s pause after a failed one\n")
                .contains("  a step passes at p99<1s (corrected), errors <= 0.1 %, achieved >= 99 % of offered")
                .contains(SweepReport.columns())
                .containsPattern("\n  +0 +400/s +\\d+/s .* pass\n")
                .containsPattern("\n  +1 +10,000/s +[\\d,]+/s .* server-failed .*answered [\\d,]+/s, \\d+ % of the"
                        + " 10,000/s offered")
                .containsPattern("\nCapacity at p99<1s: \\[400/s, 10,000/s\\] bracketed: met at 400/s, missed at"
                        + " 10,000/s: .*answered");
        assertThat(err().lines().toList()).hasSize(3).first().isEqualTo(SweepReport.columns().stripTrailing());
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.get("format").asText()).isEqualTo(JsonReport.SWEEP_FORMAT);
        assertThat(result.get("connections").asInt()).isEqualTo(4);
        assertThat(result.get("mode").asText()).isEqualTo("curve");
        assertThat(result.get("objective").get("limitMs").asDouble()).isEqualTo(1_000);
        assertThat(result.get("resolution").asDouble()).isEqualTo(24);
        JsonNode steps = result.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("offeredRate").asDouble()).isEqualTo(400);
        assertThat(steps.get(0).get("verdict").asText()).isEqualTo("pass");
        assertThat(steps.get(0).get("corrected").get("count").asLong()).isPositive();
        assertThat(steps.get(0).get("reason").isNull()).isTrue();
        assertThat(steps.get(1).get("verdict").asText()).isEqualTo("server-failed");
        assertThat(steps.get(1).get("achievedRate").asDouble()).isLessThan(5_000);
        JsonNode capacity = result.get("capacity");
        assertThat(capacity.get("lastPassRate").asDouble()).isEqualTo(400);
        assertThat(capacity.get("firstFailRate").asDouble()).isEqualTo(10_000);
        assertThat(capacity.get("outcome").asText()).isEqualTo("bracketed");
        assertThat(dir.toFile().list()).containsExactly("curve.json");
    }

    /** The same server cannot take 10,000/s at the first step: the search ends there, its outcome said. */
    @Test
    void aCapacitySearchThatFailsAtItsLowestRateSaysSo(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("capacity.json");
        sweepASleepingPool("-c", "4", "--capacity", "p99<1s", "--sweep", "10000:40000", "-d", "500ms", "--warmup",
                "100ms", "--json", json.toString());

        assertThat(out())
                .contains("Capacity search @ http://127.0.0.1:")
                .contains("/sleep?ms=1: from 10,000/s up to at most 40,000/s, bracketed to within 5 %\n")
                .containsPattern("\n  +0 +10,000/s .* server-failed ")
                .containsPattern("\nCapacity at p99<1s: \\[none passed, 10,000/s\\] failed-at-lowest: missed the"
                        + " objective at the lowest rate offered, 10,000/s: ");
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.get("mode").asText()).isEqualTo("search");
        assertThat(result.get("resolution").asDouble()).isEqualTo(0.05);
        assertThat(result.get("steps")).hasSize(1);
        assertThat(result.get("capacity").get("outcome").asText()).isEqualTo("failed-at-lowest");
        assertThat(result.get("capacity").get("lastPassRate").isNull()).isTrue();
    }

    /** Runs the command with these options against /sleep?ms=1 of a pool server started for it; it must succeed. */
    private void sweepASleepingPool(String... options) throws Exception {
        try (Server server = ServerModels.byName("pool").create(ServerConfig.defaults())) {
            String[] args = Arrays.copyOf(options, options.length + 1);
            args[options.length] = url(server.start(), "/sleep?ms=1");

            assertThat(command().run(args)).as(err()).isZero();
        }
    }

    private LoadCommand command() {
        return new LoadCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String url(InetSocketAddress address, String path) {
        return "http://127.0.0.1:" + address.getPort() + path;
    }
}
