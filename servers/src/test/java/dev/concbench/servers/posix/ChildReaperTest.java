package dev.concbench.servers.posix;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.process.ProcTable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ChildReaperTest {

    private static final long SELF = ProcessHandle.current().pid();

    private final LinkedBlockingQueue<ChildReaper.Exit> exits = new LinkedBlockingQueue<>();

    @Test
    void reapsEachChildAsItExitsAndReportsHow() throws Exception {
        try (ChildReaper reaper = new ChildReaper("test", exits::add)) {
            int quick = spawn(reaper, null, "/bin/sh", "-c", "exit 7");
            int slower = spawn(reaper, null, "/bin/sleep", "0.3");

            ChildReaper.Exit first = exits.poll(5, TimeUnit.SECONDS);
            ChildReaper.Exit second = exits.poll(5, TimeUnit.SECONDS);
            assertThat(first.pid()).isEqualTo(quick);
            assertThat(first.exitCode()).isEqualTo(7);
            assertThat(second.pid()).isEqualTo(slower);
            assertThat(second.exitCode()).isZero();
            assertThat(second.signal()).isZero();
            assertThat(second.lifetime()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(reaper.live()).isZero();
            assertThat(ProcTable.childrenOf(SELF)).doesNotContain((long) quick, (long) slower);
        }
    }

    @Test
    void killsAChildThatOutlivesItsDeadline() throws Exception {
        try (ChildReaper reaper = new ChildReaper("test", exits::add)) {
            int pid = spawn(reaper, Duration.ofMillis(200), "/bin/sleep", "30");
            ChildReaper.Exit exit = exits.poll(5, TimeUnit.SECONDS);
            assertThat(exit.pid()).isEqualTo(pid);
            assertThat(exit.signal()).isEqualTo(9);
            assertThat(exit.overdue()).isTrue();
            assertThat(exit.lifetime()).isBetween(Duration.ofMillis(200), Duration.ofSeconds(4));
        }
    }

    @Test
    void closeKillsAndReapsEveryLiveChild() throws Exception {
        ChildReaper reaper = new ChildReaper("test", exits::add);
        List<Integer> pids = List.of(spawn(reaper, null, "/bin/sleep", "30"), spawn(reaper, null, "/bin/sleep", "30"));
        assertThat(reaper.live()).isEqualTo(2);
        long start = System.nanoTime();
        reaper.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(exits).extracting(ChildReaper.Exit::pid).containsExactlyInAnyOrderElementsOf(pids);
        assertThat(exits).allSatisfy(exit -> assertThat(exit.signal()).isEqualTo(9));
        assertThat(ProcTable.childrenOf(SELF)).doesNotContainAnyElementsOf(pids.stream().map(Long::valueOf).toList());
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().startsWith("test-reaper"));
    }

    @Test
    void aChildSeesItsLifelineEndWhenTheParentClosesIt() throws Exception {
        try (ChildReaper reaper = new ChildReaper("test", exits::add)) {
            Lifeline lifeline = Lifeline.open();
            long start = System.nanoTime();
            // cat reads the lifeline (descriptor 3) until end-of-file, then the shell exits 0.
            int pid = ProcessSpawner.spawn(List.of("/bin/sh", "-c", "cat <&3 >/dev/null"), Map.of(),
                    Map.of(Lifeline.CHILD_DESCRIPTOR, lifeline.childEnd()));
            reaper.adopt(pid, start, Duration.ofSeconds(10));
            assertThat(exits.poll(300, TimeUnit.MILLISECONDS)).as("still alive while the lifeline is open").isNull();
            lifeline.close();
            ChildReaper.Exit exit = exits.poll(5, TimeUnit.SECONDS);
            assertThat(exit.pid()).isEqualTo(pid);
            assertThat(exit.exitCode()).isZero();
        }
    }

    private static int spawn(ChildReaper reaper, Duration killAfter, String... command) throws IOException {
        long start = System.nanoTime();
        int pid = ProcessSpawner.spawn(List.of(command), Map.of(), Map.of());
        reaper.adopt(pid, start, killAfter);
        return pid;
    }
}
