package dev.concbench.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The server host's {@code /proc} reader, run here with {@code sh -c} as ssh runs it there: what it
 * reads must be what {@link ProcFs} reads on this machine.
 */
class RemoteProcFsTest {

    private static RemoteProcFs reader() throws IOException {
        return RemoteProcFs.over(new ProcessBuilder("sh", "-c", RemoteProcFs.SCRIPT).start(), Duration.ofSeconds(10));
    }

    @Test
    void readsWhatProcFsReads() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30 & sleep 30 & wait").start();
        try (RemoteProcFs remote = reader()) {
            ProcFs local = ProcFs.system();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (local.descendants(shell.pid()).size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(remote.descendants(shell.pid())).containsExactlyInAnyOrderElementsOf(local.descendants(shell.pid()))
                    .hasSize(2);
            assertThat(remote.sample(shell.pid())).isEqualTo(local.sample(shell.pid()));

            long self = ProcessHandle.current().pid();
            ProcFs.Sample sample = remote.sample(self).orElseThrow();
            assertThat(sample.threads()).isGreaterThan(1);
            assertThat(sample.fileDescriptors()).isGreaterThan(2);
            assertThat(sample.rssBytes()).isGreaterThan(1 << 20);
            CpuReading there = remote.cpuReading(self).orElseThrow();
            CpuReading here = local.cpuReading(self).orElseThrow();
            assertThat(there.tickLength()).isEqualTo(here.tickLength());
            assertThat(there.jitThreads()).isNotEmpty().isSubsetOf(there.threadNanos().keySet());
            assertThat(there.tickSeconds()).isCloseTo(here.tickSeconds(), within(1.0));
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
            shell.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aProcessThatIsGoneReadsAsEmpty() throws Exception {
        Process done = new ProcessBuilder("true").start();
        done.waitFor(10, TimeUnit.SECONDS);
        try (RemoteProcFs remote = reader()) {
            assertThat(remote.sample(done.pid())).isEmpty();
            assertThat(remote.cpuReading(done.pid())).isEmpty();
            assertThat(remote.descendants(done.pid())).isEmpty();
        }
    }

    @Test
    void aReaderThatEndedFailsItsNextRequestAndOneThatNeverStartsSaysWhy() throws Exception {
        RemoteProcFs remote = reader();
        remote.close();
        assertThatThrownBy(() -> remote.sample(ProcessHandle.current().pid())).isInstanceOf(UncheckedIOException.class);

        assertThatThrownBy(() -> RemoteProcFs.over(new ProcessBuilder("sh", "-c", "echo nope >&2; exit 3").start(),
                Duration.ofSeconds(10)))
                .isInstanceOf(IOException.class).hasMessage("the server host's /proc reader did not start: nope");
    }
}
