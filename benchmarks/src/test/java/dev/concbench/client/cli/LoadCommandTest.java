package dev.concbench.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concbench.client.testing.NettyLeakCheck;
import dev.concbench.client.testing.ScriptedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
    void aTargetThatRefusesConnectionsIsOneClearLineAndExit1() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        int exit = command().run("-c", "2", "-d", "5s", "http://127.0.0.1:" + port + "/");

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
