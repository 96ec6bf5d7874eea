package dev.concbench.bench.suite;

import dev.concbench.bench.Scenario;
import dev.concbench.bench.probe.JvmProbe;
import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.ClientCeiling;
import dev.concbench.results.CpuPinning;
import dev.concbench.results.Environment;
import dev.concbench.results.GitInfo;
import dev.concbench.results.JvmInfo;
import dev.concbench.results.MachineInfo;
import dev.concbench.results.Suite;
import dev.concbench.results.Throughput;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A recorder and results to record, for tests. */
final class RecorderFixtures {

    static final ClientCeiling CEILING = new ClientCeiling(50_000, "netty", "hello", 64);

    private RecorderFixtures() {
    }

    static RunRecorder recorder(Path resultsDirectory, int planned) {
        MachineInfo machine = new MachineInfo("test-machine", "Test CPU", 2, 1L << 30, "amd64", "Test OS", "6.0");
        Environment environment = new Environment(new GitInfo("0123456789abcdef0123", false), JvmProbe.current(),
                JvmProbe.current(), "1.37", CpuPinning.NONE);
        return new RunRecorder(resultsDirectory, Suite.SMOKE, Instant.parse("2026-01-02T03:04:05Z"), machine,
                null, environment, null, Map.of(), planned);
    }

    /** The result of hello against this model at this many responses per second. */
    static BenchmarkResult result(String model, double score) {
        BenchmarkCase hello = new BenchmarkCase(Scenario.HELLO, model, Map.of("connections", "64"),
                Timing.of(1, 1, 1, 2, 1));
        CaseOutcome outcome = new CaseOutcome(Optional.of(Throughput.of(score, 1, List.of(List.of(score)))),
                List.of(Trials.hello(model, (long) score * 2, Map.of(), 1, 2)), List.of(), Optional.empty(),
                Duration.ofSeconds(4), Path.of("jmh.log"));
        return ResultAssembler.assemble(hello, outcome, CEILING.requestsPerSecond(), ResultAssemblerTest.FACTS, false)
                .getFirst();
    }
}
