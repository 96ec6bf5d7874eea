package dev.concbench.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.concbench.client.ClientTransport;
import dev.concbench.client.ConnectionMode;
import dev.concbench.client.LoadModel;
import dev.concbench.client.LoadSpec;
import dev.concbench.client.ResponseCheck;
import dev.concbench.client.RunLength;
import dev.concbench.client.SlowSend;
import dev.concbench.client.capacity.CapacitySearch;
import dev.concbench.client.capacity.CurveSweep;
import dev.concbench.client.capacity.Sweep;
import dev.concbench.client.capacity.SweepRunner;
import dev.concbench.results.Objective;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void theDefaultsAreWrksWithAWarmUp() throws Exception {
        LoadOptions options = LoadOptions.parse("http://127.0.0.1:9696/hello?x=1");
        LoadSpec spec = options.toSpec();

        assertThat(options.threads()).isEqualTo(1);
        assertThat(options.transport()).isEqualTo(ClientTransport.EPOLL);
        assertThat(options.jsonFile()).isNull();
        assertThat(spec.model()).isEqualTo(new LoadModel.ClosedLoop(10));
        assertThat(spec.length()).isEqualTo(RunLength.of(Duration.ofSeconds(10)));
        assertThat(spec.warmup()).isEqualTo(Duration.ofSeconds(2));
        assertThat(spec.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(spec.connectionMode()).isEqualTo(ConnectionMode.KEEP_ALIVE);
        assertThat(spec.check()).isEqualTo(ResponseCheck.status(200));
        assertThat(new String(spec.encodedRequest(), StandardCharsets.ISO_8859_1))
                .isEqualTo("GET /hello?x=1 HTTP/1.1\r\nHost: 127.0.0.1:9696\r\n\r\n");
    }

    @Test
    void everyOptionFormIsUnderstood() throws Exception {
        LoadSpec spec = LoadOptions.parse("-c64", "--duration=3s", "-R", "20000", "--close", "--slow", "5x20ms",
                "--timeout", "3s", "--warmup=0", "-H", "X-A: 1", "--method", "post", "--body", "hi",
                "--expect-status", "201", "--expect-length", "2", "-t", "2", "--nio", "http://127.0.0.1/").toSpec();

        assertThat(spec.model()).isEqualTo(new LoadModel.OpenLoop(64, 20_000));
        assertThat(spec.length()).isEqualTo(RunLength.of(Duration.ofSeconds(3)));
        assertThat(spec.connectionMode()).isEqualTo(ConnectionMode.CLOSE);
        assertThat(spec.slowSend()).isEqualTo(new SlowSend(5, Duration.ofMillis(20)));
        assertThat(spec.warmup()).isZero();
        assertThat(spec.check()).isEqualTo(ResponseCheck.status(201).withBodyLength(2));
        assertThat(spec.target().getPort()).isEqualTo(80);
        assertThat(new String(spec.encodedRequest(), StandardCharsets.ISO_8859_1)).isEqualTo(
                "POST / HTTP/1.1\r\nHost: 127.0.0.1:80\r\nX-A: 1\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
    }

    @Test
    void aRequestCountReplacesTheDuration() throws Exception {
        assertThat(LoadOptions.parse("-n", "1_000", "http://127.0.0.1:1/").toSpec().length())
                .isEqualTo(RunLength.requests(1_000));
    }
    @Test
    void aSweepAloneIsACurveOfEightRatesAtTheDefaultObjectiveWithShortSteps() throws Exception {
        LoadOptions options = LoadOptions.parse("--sweep", "1_000:64000", "http://127.0.0.1:1/");

        Sweep sweep = options.toSweep();
        assertThat(options.sweeps()).isTrue();
        assertThat(sweep).isInstanceOf(CurveSweep.class);
        assertThat(sweep.objective()).isEqualTo(Objective.DEFAULT);
        assertThat(sweep.nextRate()).hasValue(1_000);
        assertThat(sweep.resolution()).isCloseTo(Math.pow(64, 1.0 / 7) - 1, within(1e-9));
        assertThat(options.toPace()).isEqualTo(new SweepRunner.Pace(Duration.ofSeconds(2), Duration.ofMillis(250),
                Duration.ofSeconds(1),
                Duration.ofSeconds(3), 300, Duration.ofSeconds(1)));
    }

    @Test
    void aCapacityAloneSearchesTheDefaultRange() throws Exception {
        LoadOptions options = LoadOptions.parse("--capacity", "p99.9<500us", "-d", "2s", "--warmup", "0",
                "http://127.0.0.1:1/");

        Sweep sweep = options.toSweep();
        assertThat(sweep).isInstanceOf(CapacitySearch.class);
        assertThat(sweep.objective()).isEqualTo(Objective.parse("p99.9<500us"));
        assertThat(sweep.nextRate()).hasValue(100);
        assertThat(sweep.resolution()).isEqualTo(0.05);
        assertThat(options.sweepRates()).isEqualTo(new LoadValues.SweepRates(100, 1_000_000, null));
        assertThat(options.toPace()).isEqualTo(new SweepRunner.Pace(Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(2),
                Duration.ofSeconds(2), 1, Duration.ofSeconds(1)));
    }

    @Test
    void aCapacityWithASweepSearchesItsRangeOrWithStepsDrawsTheCurveAtItsObjective() throws Exception {
        LoadOptions search = LoadOptions.parse("--capacity", "p99<5ms", "--sweep", "500:8000", "http://127.0.0.1:1/");
        LoadOptions curve = LoadOptions.parse("--capacity", "p99<5ms", "--sweep", "500:8000:5", "http://127.0.0.1:1/");

        assertThat(search.toSweep()).isInstanceOf(CapacitySearch.class);
        assertThat(search.sweepRates()).isEqualTo(new LoadValues.SweepRates(500, 8_000, null));
        assertThat(search.toSweep().nextRate()).hasValue(500);
        Sweep ladder = curve.toSweep();
        assertThat(ladder).isInstanceOf(CurveSweep.class);
        assertThat(ladder.objective()).isEqualTo(Objective.parse("p99<5ms"));
        assertThat(ladder.resolution()).isCloseTo(1, within(1e-9));
    }

    @Test
    void aSweepsTemplateIsTheRequestOfAPlainRun() throws Exception {
        LoadOptions options = LoadOptions.parse("--sweep", "10:20", "-c", "3", "--close", "-H", "X-A: 1",
                "--expect-length", "5", "http://127.0.0.1:1/x");

        assertThat(options.toSpec()).isEqualTo(LoadOptions.parse("-c", "3", "--close", "-H", "X-A: 1",
                "--expect-length", "5", "http://127.0.0.1:1/x").toSpec());
    }
}
