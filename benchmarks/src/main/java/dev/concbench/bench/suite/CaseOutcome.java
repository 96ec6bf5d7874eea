package dev.concbench.bench.suite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.concbench.bench.trial.TrialRecord;
import dev.concbench.results.Throughput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What running one benchmark through JMH produced.
 *
 * @param throughput JMH's verified responses per second with its error, empty when JMH has no result
 * @param trials     every trial's record (one per fork that got far enough to write one)
 * @param jmhJson    JMH's own JSON result entries for this benchmark (possibly none)
 * @param failure    why the benchmark failed, empty when it did not
 * @param wallTime   how long it took, JVM and server start-up included
 * @param log        JMH's console output for this benchmark
 */
record CaseOutcome(Optional<Throughput> throughput, List<TrialRecord> trials, List<JsonNode> jmhJson,
                   Optional<String> failure, Duration wallTime, Path log) {

    CaseOutcome {
        trials = List.copyOf(trials);
        jmhJson = List.copyOf(jmhJson);
    }
}
