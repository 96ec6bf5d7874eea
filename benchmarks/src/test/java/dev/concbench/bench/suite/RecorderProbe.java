package dev.concbench.bench.suite;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.List;

/**
 * A stand-in for the suite runner, for {@link RunRecorderTest}: records one result of three
 * planned under the runner's interrupt hook, prints the result file's path, then waits to be
 * signalled (at most a minute).
 */
public final class RecorderProbe {

    private RecorderProbe() {
    }

    public static void main(String[] args) throws Exception {
        RunRecorder recorder = RecorderFixtures.recorder(Path.of(args[0]), 3);
        Runtime.getRuntime().addShutdownHook(SuiteRunner.interruptHook(recorder));
        recorder.ceiling(RecorderFixtures.CEILING);
        recorder.record(RecorderFixtures.CEILING, List.of(RecorderFixtures.result("pool", 1000)),
                List.of(JsonNodeFactory.instance.objectNode()));
        System.out.println("ready " + recorder.resultFile());
        System.out.flush();
        Thread.sleep(60_000);
    }
}
