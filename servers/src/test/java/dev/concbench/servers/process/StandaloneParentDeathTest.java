package dev.concbench.servers.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.workerjvm.WorkerJvm;
import dev.concbench.servers.workerjvm.WorkerJvmOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server killed with SIGKILL gets no chance to stop its children: they must notice by
 * themselves. The standalone command runs in its own JVM, serves a few requests (for
 * {@code process}, one slow enough that a child is alive), is killed, and within a few seconds no
 * child or worker of it is still running.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class StandaloneParentDeathTest {

    private static final Pattern LISTENING = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)");

    /** The server JVM has this JVM's class path, so it finds the same AOT cache: make it now. */
    @BeforeAll
    static void prepareTheWorkerCache() throws Exception {
        WorkerJvm.prepare(WorkerJvmOptions.defaults());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"process", "prefork"})
    void noChildOutlivesAServerKilledWithSigkill(String model) throws Exception {
        Process server = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.concbench.servers.Main", "--model", model, "--port", "0", "--threads", "2")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        CompletableFuture<TestConnection.Response> slow = null;
        try {
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", port(server));
            for (int i = 0; i < 3; i++) {
                assertThat(TestConnection.get(address, "/hello").status()).isEqualTo(200);
            }
            TestConnection slowClient = TestConnection.open(address);
            slowClient.send("GET /sleep?ms=30000 HTTP/1.1\r\nHost: test\r\n\r\n");
            slow = CompletableFuture.supplyAsync(() -> {
                try (slowClient) {
                    return slowClient.readResponse();
                } catch (IOException e) {
                    return null; // the connection ended without a response: what is expected
                }
            });
            int expected = model.equals("process") ? 1 : 2;
            assertThat(ProcTable.await(() -> runningChildren(server.pid()).size() >= expected, 10_000))
                    .as("children of %s while it serves", model).isTrue();
            List<Long> children = runningChildren(server.pid());

            server.destroyForcibly(); // SIGKILL
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();

            assertThat(ProcTable.await(() -> children.stream().noneMatch(ProcTable::running), 5_000))
                    .as("children of the killed server still running: %s",
                            children.stream().filter(ProcTable::running).map(ProcTable::commandLine).toList())
                    .isTrue();
            assertThat(slow.get(5, TimeUnit.SECONDS)).as("a response to the slow request").isNull();
        } finally {
            server.destroyForcibly().waitFor();
            if (slow != null) {
                slow.cancel(true);
            }
        }
    }

    /**
     * The training JVM of the AOT cache writes the cache as it exits, seconds during which no Java
     * thread of its own can notice the lifeline; killed then, the server must not leave it (or the
     * JVM it starts to assemble the cache) running. A fresh temporary directory makes the server
     * train; it is killed as soon as the training JVM has written its AOT configuration.
     */
    @Test
    void noTrainingJvmOutlivesAServerKilledWhileTheCacheIsWritten(@TempDir Path temporary) throws Exception {
        Process server = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-Djava.io.tmpdir=" + temporary,
                "-cp", System.getProperty("java.class.path"), "dev.concbench.servers.Main", "--model", "process", "--port", "0")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            Path workers = temporary.resolve("concbench-workers");
            assertThat(ProcTable.await(() -> writingAotConfiguration(workers), 60_000))
                    .as("a training JVM writing its AOT configuration").isTrue();
            assertThat(ProcTable.withCommandLineContaining(temporary.toString())).as("the training JVM").isNotEmpty();

            server.destroyForcibly(); // SIGKILL
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();

            // Writing the cache takes seconds more: a second is room for the kill, not for the write.
            assertThat(ProcTable.await(() -> ProcTable.withCommandLineContaining(temporary.toString()).isEmpty(), 1_000))
                    .as("training processes of the killed server still running: %s",
                            ProcTable.withCommandLineContaining(temporary.toString()).stream().map(ProcTable::commandLine).toList())
                    .isTrue();
        } finally {
            server.destroyForcibly().waitFor();
            for (long pid : ProcTable.withCommandLineContaining(temporary.toString())) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static boolean writingAotConfiguration(Path workers) {
        try (Stream<Path> files = Files.list(workers)) {
            return files.anyMatch(file -> file.getFileName().toString().endsWith(".config"));
        } catch (IOException e) {
            return false; // not made yet
        }
    }

    private static List<Long> runningChildren(long pid) {
        return ProcTable.childrenOf(pid).stream().filter(ProcTable::running).toList();
    }

    /** Reads the server's standard output until it says where it listens. */
    private static int port(Process server) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        return Integer.parseInt(listening.group(1));
                    }
                }
                throw new IllegalStateException("the server ended without listening");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return port.get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
    }
}
