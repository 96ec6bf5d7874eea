package dev.concbench.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

    private static final String STAT = "4242 (java (server) 1) S 1 4242 4242 0 -1 4194560 2000 0 0 0 "
            + "150 50 30 20 20 0 24 0 100 4000000000 30000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0";

    @Test
    void cpuTimeIsUserPlusSystemOfTheProcessAndItsReapedChildren() {
        ProcFs proc = new ProcFs(Path.of("/nonexistent"), 100);
        // utime 150 + stime 50 + cutime 30 + cstime 20 ticks, at 100 ticks per second.
        assertThat(proc.cpuSeconds(STAT)).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void readsThreadsMemoryAndDescriptorsOfAProcess(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("4242"));
        Files.writeString(dir.resolve("stat"), STAT);
        Files.writeString(dir.resolve("status"), "Name:\tjava\nVmRSS:\t   20480 kB\nThreads:\t17\n");
        Path fd = Files.createDirectories(dir.resolve("fd"));
        for (int i = 0; i < 5; i++) {
            Files.createFile(fd.resolve(Integer.toString(i)));
        }

        ProcFs.Sample sample = new ProcFs(root, 100).sample(4242).orElseThrow();

        assertThat(sample.threads()).isEqualTo(17);
        assertThat(sample.rssBytes()).isEqualTo(20480L * 1024);
        assertThat(sample.fileDescriptors()).isEqualTo(5);
    }

    @Test
    void readsEachThreadsCpuTimeAndKnowsTheJitCompilerThreads(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("4242"));
        Files.writeString(dir.resolve("stat"), STAT);
        thread(dir, 4242, "java\n", "1500000000 20000 300\n");
        thread(dir, 4250, "C2 CompilerThre\n", "700000000 100 10\n");
        thread(dir, 4251, "C1 CompilerThre\n", "50000000 100 10\n");
        thread(dir, 4260, "pool-worker-1\n", "250000000 100 10\n");

        CpuReading reading = new ProcFs(root, 100).cpuReading(4242).orElseThrow();

        assertThat(reading.tickSeconds()).isCloseTo(2.5, within(1e-9));
        assertThat(reading.tickLength()).isCloseTo(0.01, within(1e-12));
        assertThat(reading.threadNanos()).containsOnly(entry(4242L, 1_500_000_000L), entry(4250L, 700_000_000L),
                entry(4251L, 50_000_000L), entry(4260L, 250_000_000L));
        assertThat(reading.jitThreads()).containsExactlyInAnyOrder(4250L, 4251L);
    }

    @Test
    void leavesOutAThreadThatCannotBeReadAsOneThatEnded(@TempDir Path root) throws IOException {
        Path dir = Files.createDirectories(root.resolve("4242"));
        Files.writeString(dir.resolve("stat"), STAT);
        thread(dir, 4242, "java\n", "1500000000 20000 300\n");
        // Reading an ended thread fails (ESRCH on Linux); a directory in the file's place fails too.
        Files.createDirectories(dir.resolve("task").resolve("4243").resolve("schedstat"));

        CpuReading reading = new ProcFs(root, 100).cpuReading(4242).orElseThrow();

        assertThat(reading.threadNanos()).containsOnlyKeys(4242L);
    }

    @Test
    void readsTheCpuTimeOfThisJvmsThreads() {
        CpuReading self = ProcFs.system().cpuReading(ProcessHandle.current().pid()).orElseThrow();
        assertThat(self.threadNanos()).hasSizeGreaterThan(1);
        assertThat(self.threadNanos().values().stream().mapToLong(Long::longValue).sum()).isPositive();
    }

    private static void thread(Path process, long tid, String name, String schedstat) throws IOException {
        Path task = Files.createDirectories(process.resolve("task").resolve(Long.toString(tid)));
        Files.writeString(task.resolve("comm"), name);
        Files.writeString(task.resolve("schedstat"), schedstat);
    }

    @Test
    void aProcessThatIsGoneHasNoSample(@TempDir Path root) {
        assertThat(new ProcFs(root, 100).sample(4242)).isEmpty();
    }

    @Test
    void readsThisJvmFromTheRealProc() {
        ProcFs proc = ProcFs.system();
        assertThat(proc.available()).isTrue();
        ProcFs.Sample self = proc.sample(ProcessHandle.current().pid()).orElseThrow();
        assertThat(self.threads()).isGreaterThan(1);
        assertThat(self.fileDescriptors()).isGreaterThan(2);
        assertThat(self.rssBytes()).isGreaterThan(1 << 20);
    }
}
