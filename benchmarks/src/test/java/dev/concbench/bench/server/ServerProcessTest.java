package dev.concbench.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * A server that does not stop at the end of its input gets SIGTERM, and one that ignores that
     * too SIGKILL, each after the stop timeout; a child it leaves behind is killed either way.
     * The "java" here is a shell script that prints a listening line, starts a child, and waits.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "dies on SIGTERM, '', 143",
            "ignores SIGTERM, trap '' TERM, 137"})
    void escalatesToSigtermThenSigkillAndKillsTheChildrenLeft(String name, String onTerm, int exitCode,
                                                              @TempDir Path dir) throws Exception {
        Path childPid = dir.resolve("child.pid");
        Path java = dir.resolve("java");
        Files.writeString(java, String.join("\n",
                "#!/bin/sh",
                onTerm,
                "sleep 600 &",
                "echo $! > " + childPid,
                "echo 'concbench: model pool listening on http://127.0.0.1:9'",
                "wait",
                ""));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        ServerLaunch stubborn = new ServerLaunch(java, List.of(), "unused", null, Duration.ofSeconds(30),
                Duration.ofMillis(500));

        ServerProcess server = ServerProcess.start("pool", stubborn);
        long child = Long.parseLong(Files.readString(childPid).strip());
        assertThat(ProcessHandle.of(child)).isPresent();
        long start = System.nanoTime();
        server.close();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(server.exitCode()).hasValue(exitCode);
        // End of input, then SIGTERM (then SIGKILL), each given half a second: generous bounds.
        assertThat(took).isBetween(Duration.ofMillis(exitCode == 143 ? 500 : 1_000), Duration.ofSeconds(20));
        // SIGKILL is sent by then; its reaping, by whoever inherited the orphan, may take a moment.
        ProcessHandle.of(child).ifPresent(left -> left.onExit().completeOnTimeout(left, 10, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive)).as("the server's child").isEmpty();
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
