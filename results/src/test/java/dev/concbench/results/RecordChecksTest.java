package dev.concbench.results;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordChecksTest {

    private final RunResult sample = SampleRuns.sample();
    private final BenchmarkResult valid = sample.results().getFirst();

    @Test
    void aCompleteRunHasNoIncompleteReasonAndAnIncompleteRunNeedsOne() {
        assertThatThrownBy(() -> withCompletion(true, "stopped"))
                .hasMessage("a complete run must have incompleteReason null");
        assertThatThrownBy(() -> withCompletion(false, null))
                .hasMessage("an incomplete run needs an incompleteReason");
        assertThat(withCompletion(true, null).complete()).isTrue();
    }

    @Test
    void validIsTrueExactlyWithoutReasons() {
        assertThatThrownBy(() -> withValidity(true, List.of("errors above 0.1%"), false))
                .hasMessageStartingWith("valid is true but invalidReasons has 1 entries");
        assertThatThrownBy(() -> withValidity(false, List.of(), false))
                .hasMessageStartingWith("valid is false but invalidReasons has 0 entries");
        assertThatThrownBy(() -> withValidity(true, List.of(), true))
                .hasMessage("a client-bound result must be invalid, with a reason saying so");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThatThrownBy(() -> new RunResult(RunResult.SCHEMA_VERSION, true, null, Suite.QUICK, sample.startedAt(), sample.finishedAt(),
                sample.machine(), null, sample.environment(), null, sample.clientCeiling(), Map.of(), List.of(valid, valid), null, List.of()))
                .hasMessageContaining("twice");
    }

    @Test
    void paramsAndServerInfoAreSortedAndKeyedByContent() {
        var result = new BenchmarkResult("b", "m", null, null, false, "s",
                Map.of("rate", "10", "connections", "4", "ms", "5"),
                LoadModel.CLOSED, 1, valid.throughput(), valid.latency(), 1, ErrorCounts.NONE, valid.fairness(),
                null, null, Map.of("z", "1", "a", "2"), List.of(), Map.of(), true, null, false, null);
        assertThat(result.params().keySet()).containsExactly("connections", "ms", "rate");
        assertThat(result.serverInfo().keySet()).containsExactly("a", "z");
        assertThat(result.key()).isEqualTo(BenchmarkKey.of("b", "m", "s",
                Map.of("connections", "4", "ms", "5", "rate", "10")));
        assertThat(result.connections()).hasValue(4);
        assertThat(result.invalidReasons()).isEmpty();
    }

    @Test
    void keysOrderNumericParametersAsNumbers() {
        var sixteen = BenchmarkKey.of("b", "m", "s", Map.of("connections", "16"));
        var two = BenchmarkKey.of("b", "m", "s", Map.of("connections", "2"));
        assertThat(List.of(sixteen, two).stream().sorted()).containsExactly(two, sixteen);
    }

    @Test
    void percentilesMustNotDecrease() {
        assertThatThrownBy(() -> new Percentiles(10, 1, 2, 3, 4, 3.5, 5, 6, 7))
                .hasMessageStartingWith("latency percentiles must not decrease");
    }

    @Test
    void throughputConfidenceMustContainTheScoreAndBeAllOrNothing() {
        assertThatThrownBy(() -> new Throughput(10, 1.0, "ops/s", 11.0, 12.0, List.of()))
                .hasMessageContaining("does not contain the score");
        assertThatThrownBy(() -> new Throughput(10, 1.0, "ops/s", null, 12.0, List.of()))
                .hasMessageContaining("all null or all set");
        assertThatThrownBy(() -> new Throughput(10, null, "ops/ms", null, null, List.of()))
                .hasMessageContaining("unit must be \"ops/s\"");
        assertThat(Throughput.of(10, 12, List.of()).confidenceLow()).isZero();
    }

    @Test
    void closedLoopHasNoCorrectedLatency() {
        var p = valid.latency().uncorrected();
        assertThatThrownBy(() -> new BenchmarkResult("b", "m", null, null, false, "s", Map.of(), LoadModel.CLOSED, 1,
                valid.throughput(), Latency.withoutHistograms(p, p), 1, ErrorCounts.NONE, valid.fairness(), null, null,
                Map.of(), List.of(), Map.of(), true, List.of(), false, null))
                .hasMessage("latency corrected must be null for a closed loop");
    }

    @Test
    void machineIdsAreSafeDirectoryNames() {
        var m = sample.machine();
        assertThatThrownBy(() -> new MachineInfo("../etc", m.cpuModel(), 2, 1, "amd64", "os", "k"))
                .hasMessageContaining("machine id");
        assertThatThrownBy(() -> new MachineInfo("a/b", m.cpuModel(), 2, 1, "amd64", "os", "k"))
                .hasMessageContaining("machine id");
    }

    @Test
    void jmhRawFileIsAPlainNameBesideTheResult() {
        assertThatThrownBy(() -> new RunResult(RunResult.SCHEMA_VERSION, true, null, Suite.QUICK, sample.startedAt(), sample.finishedAt(),
                sample.machine(), null, sample.environment(), null, sample.clientCeiling(), Map.of(), List.of(), "../raw.json", List.of()))
                .hasMessageContaining("plain file name");
    }

    @Test
    void onlyAnAbRunMayCompleteWithoutAClientCeiling() {
        AbBaseline baseline = new AbBaseline("HEAD~1", "fedcba9876543210fedcba9876543210fedcba98", false, false);

        assertThatThrownBy(() -> new RunResult(RunResult.SCHEMA_VERSION, true, null, Suite.SMOKE, Instant.EPOCH,
                Instant.EPOCH, sample.machine(), null, sample.environment(), null, null, Map.of(), List.of(), null, List.of()))
                .hasMessageContaining("must record its clientCeiling");
        assertThat(new RunResult(RunResult.SCHEMA_VERSION, true, null, Suite.SMOKE, Instant.EPOCH, Instant.EPOCH,
                sample.machine(), null, sample.environment(), baseline, null, Map.of(), List.of(), null, List.of()).clientCeiling())
                .isNull();
    }

    private RunResult withCompletion(boolean complete, String reason) {
        return new RunResult(RunResult.SCHEMA_VERSION, complete, reason, Suite.SMOKE, Instant.EPOCH, Instant.EPOCH, sample.machine(), null,
                sample.environment(), null, sample.clientCeiling(), Map.of(), List.of(), null, List.of());
    }

    private BenchmarkResult withValidity(boolean isValid, List<String> reasons, boolean clientBound) {
        return new BenchmarkResult(valid.benchmark(), valid.model(), valid.side(), valid.family(), valid.reference(),
                valid.scenario(), valid.params(),
                valid.loadModel(), valid.measuredSeconds(), valid.throughput(), valid.latency(),
                valid.requestsCompleted(), valid.errors(), valid.fairness(), valid.client(), valid.resources(),
                valid.serverInfo(), valid.windows(), valid.extras(),
                isValid, reasons, clientBound, null);
    }
}
