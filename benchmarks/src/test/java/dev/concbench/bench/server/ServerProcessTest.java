package dev.concbench.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerProcessTest {

    private static final ServerLaunch LAUNCH = ServerLaunch.sameJvm(List.of("-Xmx64m", "-XX:TieredStopAtLevel=1"));

    @Test
    void servesFromItsOwnProcessAndStopsWhenItsInputCloses() throws IOException {
        ServerProcess server = ServerProcess.start("pool", LAUNCH);
        try {
            assertThat(server.processTree().orElseThrow().pid()).isNotEqualTo(ProcessHandle.current().pid());
            assertThat(server.isAlive()).isTrue();
            assertThat(server.startInfo()).containsKey("workers");
            assertThat(Http.get(server.address(), "/hello")).startsWith("HTTP/1.1 200").endsWith("Hello, World!");
        } finally {
            server.close();
        }
        assertThat(server.isAlive()).isFalse();
        // Exit code 0: it stopped itself on end of input, not by SIGTERM (143) or SIGKILL (137).
        assertThat(server.exitCode()).hasValue(0);
        server.close(); // idempotent
    }

    @Test
    void pinsTheServerToTheGivenCpus() throws IOException, InterruptedException {
        ServerProcess server = ServerProcess.start("iterative", LAUNCH.withCpus(new CpuList("0")));
        try {
            Process taskset = new ProcessBuilder("taskset", "-c", "-p", Long.toString(server.processTree().orElseThrow().pid()))
                    .redirectErrorStream(true).start();
            String output = new String(taskset.getInputStream().readAllBytes()).strip();
            taskset.waitFor();
            assertThat(output).endsWith(": 0");
        } finally {
            server.close();
        }
    }

    @Test
    void reportsWhyAServerCouldNotStartAndLeavesNothingRunning() {
        assertThatThrownBy(() -> ServerProcess.start("no-such-model", LAUNCH))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exited before it listened")
                .hasMessageContaining("unknown model 'no-such-model'");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(child -> child.info().commandLine().orElse("").contains("no-such-model"))).isEmpty();
    }

    @Test
    void givesUpOnAServerThatDoesNotStartInTime() {
        ServerLaunch impatient = LAUNCH.withTimeouts(Duration.ofMillis(1), Duration.ofSeconds(5));
        assertThatThrownBy(() -> ServerProcess.start("pool", impatient))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("did not report its address");
        assertThat(ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(child -> child.info().commandLine().orElse("").contains("--exit-on-stdin-eof"))).isEmpty();
    }
}
