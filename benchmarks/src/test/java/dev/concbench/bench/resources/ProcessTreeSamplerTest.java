package dev.concbench.bench.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProcessTreeSamplerTest {

    @Test
    void seesTheChildrenOfAProcessTree() throws Exception {
        // A shell with two sleeping children: the tree the process models make.
        Process shell = new ProcessBuilder("sh", "-c", "sleep 30 & sleep 30 & wait").start();
        try (ProcessTreeSampler sampler = ProcessTreeSampler.start(new ProcessTree(shell.pid(), ProcFs.system()), Duration.ofMillis(20)).orElseThrow()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((sampler.usage().peakLiveChildren() < 2 || sampler.usage().samples() < 3)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ResourceUsage usage = sampler.usage();
            assertThat(usage.peakLiveChildren()).isEqualTo(2);
            assertThat(usage.childrenSeen()).isEqualTo(2);
            assertThat(usage.peakThreads()).isGreaterThanOrEqualTo(3);
            assertThat(usage.peakFileDescriptors()).isGreaterThanOrEqualTo(3);
            assertThat(usage.peakRssBytes()).isGreaterThan(0);
        } finally {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
            shell.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void countsCpuTimeOnlyInsideTheMeasuredWindows() throws Exception {
        long self = ProcessHandle.current().pid();
        try (ProcessTreeSampler sampler = ProcessTreeSampler.start(new ProcessTree(self, ProcFs.system()), ProcessTreeSampler.DEFAULT_PERIOD)
                .orElseThrow()) {
            burn(Duration.ofMillis(300)); // outside any window
            sampler.markWindowStart();
            burn(Duration.ofMillis(500));
            sampler.markWindowEnd();
            burn(Duration.ofMillis(300)); // outside again
            double cpu = sampler.usage().cpuSeconds();
            // The 0.5 s burnt in the window (less one clock tick at each edge), not the 0.6 s burnt
            // outside it; other threads of this JVM may add a little.
            assertThat(cpu).isBetween(0.45, 0.95);
        }
    }

    @Test
    void stopsSamplingAndReturnsWhenClosed() throws Exception {
        ProcessTreeSampler sampler = ProcessTreeSampler.start(new ProcessTree(ProcessHandle.current().pid(), ProcFs.system()), Duration.ofMillis(10))
                .orElseThrow();
        sampler.close();
        long samples = sampler.usage().samples();
        Thread.sleep(100);
        assertThat(sampler.usage().samples()).isEqualTo(samples);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("resource-sampler-")
                && t.isAlive());
    }

    /** Burns this much CPU time on this thread (not wall time: the machine may be busy). */
    private static void burn(Duration cpuTime) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + cpuTime.toNanos();
        long x = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                x += x * 31 + 7;
            }
        }
        if (x == 42) {
            System.out.print("");
        }
    }
}
