package dev.concbench.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.ClientCpu;
import dev.concbench.client.ClientTransport;
import dev.concbench.client.ErrorCounts;
import dev.concbench.client.ErrorKind;
import dev.concbench.client.Fairness;
import dev.concbench.client.Latency;
import dev.concbench.client.LoadModel;
import dev.concbench.client.LoadResult;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.Request;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The report's layout, against golden files. On a mismatch the actual text is written to
 * {@code target/golden-actual/} for review; copy it over the golden file if the change is wanted.
 */
class TextReportTest {

    static final URI URL = URI.create("http://127.0.0.1:8080/hello");

    @Test
    void aClosedLoopRunWithErrorsStarvationAndABusyClient() throws IOException {
        assertMatchesGolden("closed-loop.txt", report(closedLoopResult()));
    }

    @Test
    void anOpenLoopRunShowsBothLatenciesLabelled() throws IOException {
        assertMatchesGolden("open-loop.txt", report(openLoopResult()));
    }

    static String report(LoadResult result) {
        return TextReport.header(URL, result.spec(), result.eventLoops(), result.transport().label())
                + TextReport.body(result);
    }

    /** 64 connections, 60 starved, 5 errors, the client's loop 97% busy. */
    static LoadResult closedLoopResult() {
        LoadSpec spec = LoadSpec.closedLoop(new InetSocketAddress("127.0.0.1", 8080), 64, Duration.ofSeconds(10))
                .withRequest(Request.get("/hello"));
        Histogram latency = Latency.newHistogram();
        for (int i = 1; i <= 10_000; i++) {
            Latency.record(latency, i * 1_000L);
        }
        Latency.record(latency, 250_000_000L);
        ErrorCounts errors = new ErrorCounts(Map.of(ErrorKind.READ, 3L, ErrorKind.TIMEOUT, 2L),
                Map.of(ErrorKind.READ, "Connection reset by peer", ErrorKind.TIMEOUT, "no response within 2000 ms"));
        Fairness fairness = new Fairness(64, 0, 0, 2_600, Duration.ofSeconds(10), 60, 0);
        ClientCpu cpu = new ClientCpu(Duration.ofMillis(9_700), Duration.ofMillis(10_100), 1, Duration.ofSeconds(10));
        return new LoadResult(spec, ClientTransport.EPOLL, 1, 10_001, errors, 60, 1_310_000, Duration.ofSeconds(10),
                new Latency(latency), new Latency(latency), new Latency(Latency.newHistogram()), fairness, cpu);
    }

    /** 20 connections at 2000 requests/s, only 1500 achieved; corrected latency far above uncorrected. */
    static LoadResult openLoopResult() {
        LoadSpec spec = LoadSpec.closedLoop(new InetSocketAddress("127.0.0.1", 8080), 20, Duration.ofSeconds(5))
                .withRequest(Request.get("/hello"))
                .withModel(new LoadModel.OpenLoop(20, 2_000))
                .withWarmup(Duration.ofSeconds(1));
        Histogram corrected = Latency.newHistogram();
        Histogram uncorrected = Latency.newHistogram();
        for (int i = 1; i <= 7_500; i++) {
            Latency.record(corrected, i * 40_000L);
            Latency.record(uncorrected, 50_000L + i * 10L);
        }
        long[] responses = new long[20];
        for (int i = 0; i < responses.length; i++) {
            responses[i] = 370 + i % 11;
        }
        Fairness fairness = Fairness.of(responses, 300_000_000L, 0);
        ClientCpu cpu = new ClientCpu(Duration.ofMillis(400), Duration.ofMillis(900), 1, Duration.ofSeconds(5));
        return new LoadResult(spec, ClientTransport.NIO, 1, 7_500, ErrorCounts.none(), 0, 975_000, Duration.ofSeconds(5),
                new Latency(corrected), new Latency(uncorrected), new Latency(Latency.newHistogram()), fairness,
                cpu);
    }

    static void assertMatchesGolden(String name, String actual) throws IOException {
        String expected;
        try (InputStream in = TextReportTest.class.getResourceAsStream("/golden/" + name)) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(actual)) {
            Path file = Path.of("target", "golden-actual", name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual);
        }
        assertThat(actual).as("report vs golden/%s (actual written to target/golden-actual/)", name).isEqualTo(expected);
    }
}
