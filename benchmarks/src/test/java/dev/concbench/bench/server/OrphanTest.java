package dev.concbench.bench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A benchmark JVM killed with SIGKILL, which runs no shutdown hook, leaves no server behind. */
class OrphanTest {

    @Test
    void theServerExitsWhenTheBenchmarkJvmIsKilled() throws Exception {
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OrphanParent.class.getName(), "pool")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Optional<ProcessHandle> server = Optional.empty();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(parent.getInputStream()));
            String line = lines.readLine();
            assertThat(line).startsWith("server-pid=");
            server = ProcessHandle.of(Long.parseLong(line.substring("server-pid=".length())));
            assertThat(server).isPresent();
            assertThat(server.get().isAlive()).isTrue();

            parent.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (server.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(server.get().isAlive()).as("the server outlived its parent").isFalse();
        } finally {
            parent.destroyForcibly();
            server.ifPresent(ProcessHandle::destroyForcibly); // never leak one, even when the test fails
        }
    }
}
