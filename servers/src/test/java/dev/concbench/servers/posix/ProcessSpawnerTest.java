package dev.concbench.servers.posix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concbench.servers.process.ProcTable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a spawned child gets: the descriptors it is given and its standard ones, nothing else of
 * this JVM's (which has dozens open, many without close-on-exec), no blocked or ignored signal.
 * Each child writes what it sees into a socket that this test reads.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class ProcessSpawnerTest {

    @Test
    void aChildHasOnlyTheDescriptorsItIsGiven() throws Exception {
        assertThat(ProcTable.openDescriptors()).as("this JVM's descriptors").isGreaterThan(10);
        // ls opens the directory it lists, which takes the lowest free number, 3 (or 4 past the lifeline).
        assertThat(outputOf("/bin/ls", "-1", "/proc/self/fd")).isEqualTo("0\n1\n2\n3\n");
        try (Lifeline lifeline = Lifeline.open()) {
            assertThat(outputOf(Map.of(Lifeline.CHILD_DESCRIPTOR, lifeline.childEnd()), "/bin/ls", "-1", "/proc/self/fd"))
                    .isEqualTo("0\n1\n2\n3\n4\n");
        }
    }

    /** Signals 1-31; glibc keeps its own two (32 and 33, below SIGRTMIN) as it likes. */
    @Test
    void aChildBlocksAndIgnoresNoSignal() throws Exception {
        String[] lines = outputOf("/bin/grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status").split("\n");
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            long mask = Long.parseUnsignedLong(line.substring(line.indexOf('\t') + 1), 16);
            assertThat(mask & 0x7fff_ffffL).as(line).isZero();
        }
    }

    @Test
    void aChildGetsTheGivenEnvironmentOnly() throws Exception {
        assertThat(outputOf(Map.of(), Map.of("CONCBENCH_TEST", "yes"), "/usr/bin/env")).isEqualTo("CONCBENCH_TEST=yes\n");
    }

    @Test
    void aMissingProgramIsAnIOException() {
        assertThatThrownBy(() -> ProcessSpawner.spawn(List.of("/no/such/program"), Map.of(), Map.of()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/no/such/program");
    }

    private static String outputOf(String... command) throws Exception {
        return outputOf(Map.of(), Map.of(), command);
    }

    private static String outputOf(Map<Integer, Integer> descriptors, String... command) throws Exception {
        return outputOf(descriptors, Map.of(), command);
    }

    /** Runs the command with its standard output on a socket, and returns what it wrote. */
    private static String outputOf(Map<Integer, Integer> descriptors, Map<String, String> environment, String... command)
            throws Exception {
        LinkedBlockingQueue<ChildReaper.Exit> exits = new LinkedBlockingQueue<>();
        try (ListeningSocket listener = ListeningSocket.open(new InetSocketAddress("127.0.0.1", 0), 4);
             Socket client = new Socket();
             ChildReaper reaper = new ChildReaper("test", exits::add)) {
            client.connect(listener.localAddress());
            try (Descriptor accepted = listener.accept()) {
                Map<Integer, Integer> all = new HashMap<>(descriptors);
                all.put(1, accepted.number());
                long start = System.nanoTime();
                int pid = ProcessSpawner.spawn(List.of(command), environment, all);
                reaper.adopt(pid, start, Duration.ofSeconds(10));
            }
            String output = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ChildReaper.Exit exit = exits.poll(10, TimeUnit.SECONDS);
            assertThat(exit).isNotNull();
            assertThat(exit.exitCode()).as(exit.describe()).isZero();
            return output;
        }
    }
}
