package dev.concbench.client.capacity;

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
import dev.concbench.results.Objective;
import dev.concbench.results.StepVerdict;
import dev.concbench.results.SweepStep;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Which side failed a step, and why, for windows made up to the figure. */
class StepJudgeTest {

    private static final double RATE = 1_000;

    @Test
    void aWindowWithinEveryTermPasses() {
        SweepStep step = judge(window(1_000, 0, 2, 0, 0.3));

        assertThat(step.verdict()).isEqualTo(StepVerdict.PASS);
        assertThat(step.reason()).isNull();
        assertThat(step.achievedRate()).isEqualTo(1_000);
        assertThat(step.corrected().p99Ms()).isCloseTo(2, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aSlowServerFailsTheStepOnLatencyRateAndErrorsWithEveryReason() {
        SweepStep step = judge(window(900, 10, 40, 0, 0.3));

        assertThat(step.verdict()).isEqualTo(StepVerdict.SERVER_FAILED);
        assertThat(step.reason()).isEqualTo("p99 40.0 ms > 10.0 ms; errors 1.10 % > 0.10 % (10 timeout);"
                + " answered 900/s, 90 % of the 1,000/s offered");
    }

    @Test
    void aSaturatedClientFailsTheStepWhateverTheServerDid() {
        SweepStep step = judge(window(1_000, 0, 40, 0, 0.95));

        assertThat(step.verdict()).isEqualTo(StepVerdict.CLIENT_FAILED);
        assertThat(step.reason()).isEqualTo("the client's event loops were 95 % busy");
    }

    @Test
    void aClientThatSentLateByHalfTheLimitFailedTheLatencyItself() {
        SweepStep step = judge(window(1_000, 0, 40, 30, 0.3));

        assertThat(step.verdict()).isEqualTo(StepVerdict.CLIENT_FAILED);
        assertThat(step.reason()).startsWith("the client itself sent requests late (p99 30.0 ms after due on a free"
                + " connection); p99 40.0 ms > 10.0 ms");
    }

    @Test
    void failedRequestsAreTheServersHoweverLateTheClientWas() {
        SweepStep step = judge(window(1_000, 50, 40, 30, 0.3));

        assertThat(step.verdict()).isEqualTo(StepVerdict.SERVER_FAILED);
    }

    @Test
    void aLittleClientLagLeavesASlowServerAtFault() {
        SweepStep step = judge(window(1_000, 0, 40, 4, 0.3));

        assertThat(step.verdict()).isEqualTo(StepVerdict.SERVER_FAILED);
        assertThat(step.reason()).isEqualTo("p99 40.0 ms > 10.0 ms");
    }

    private static SweepStep judge(LoadResult window) {
        return StepJudge.judge(3, RATE, window, 0.25, Objective.DEFAULT);
    }

    /**
     * One second at {@link #RATE}: {@code answered} responses, all within 1 ms but the slowest 2 %
     * at {@code p99Ms}; {@code timeouts} failed requests; the client late by {@code lagMs} on 2 % of
     * its sends; its event loop this busy.
     */
    private static LoadResult window(long answered, long timeouts, double p99Ms, double lagMs, double busy) {
        Histogram latency = Latency.newHistogram();
        Histogram lag = Latency.newHistogram();
        for (long i = 0; i < answered; i++) {
            boolean slow = i < answered / 50;
            Latency.record(latency, slow ? (long) (p99Ms * 1e6) : 500_000L);
            Latency.record(lag, slow ? (long) (lagMs * 1e6) : 0);
        }
        LoadSpec spec = LoadSpec.closedLoop(new InetSocketAddress("127.0.0.1", 8080), 10, Duration.ofSeconds(1))
                .withModel(new LoadModel.OpenLoop(10, RATE));
        ErrorCounts errors = new ErrorCounts(Map.of(ErrorKind.TIMEOUT, timeouts), Map.of());
        ClientCpu cpu = new ClientCpu(Duration.ofMillis((long) (busy * 1000)), Duration.ofSeconds(1), 1,
                Duration.ofSeconds(1));
        return new LoadResult(spec, ClientTransport.NIO, 1, answered, errors, 0, answered * 100, Duration.ofSeconds(1),
                new Latency(latency), new Latency(latency), new Latency(lag),
                Fairness.of(new long[] {answered}, 1_000_000L, 0), cpu);
    }
}
