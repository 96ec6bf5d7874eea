package dev.concbench.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing leaks: over a thousand connections that end every way a connection can end, the process's
 * platform threads and open descriptors stay where they were, no class gains a reachable object
 * for every other connection (a thread, a buffer or a map entry kept after its connection ended),
 * and after {@code close()} no thread of the model (named {@code <model>-...}), no descriptor and
 * no child process is left.
 *
 * <p>Counts are of this whole JVM, clients included, so each check allows a small tolerance for
 * the JDK's own lazily started threads; a leak of one thread or descriptor per connection is a
 * thousand over. Virtual threads are not counted by {@code ThreadMXBean}: a model built on them is
 * judged by its platform threads, its descriptors and its reachable objects (virtual threads
 * among them).
 */
// 250 JVM starts for a model that starts one per connection take a minute on two busy cores.
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ServerResourcesTest {

    private static final int CYCLES = 1_000;
    /** For a model that starts a JVM per connection: still 200 over the tolerance if each leaked one. */
    private static final int JVM_PER_CONNECTION_CYCLES = 200;
    private static final int WARM_UP_CYCLES = 50;
    private static final int THREAD_TOLERANCE = 3;
    private static final int DESCRIPTOR_TOLERANCE = 3;
    /** Room for the few connections whose server side is still ending while the next one starts. */
    private static final int IN_FLIGHT_TOLERANCE = 32;
    private static final int SAMPLE_EVERY_CYCLES = 10;
    private static final int CLOSE_ROUNDS = 20;
    private static final Duration SETTLE_TIME = Duration.ofSeconds(5);

    /**
     * Runs every model once before any measurement, so that the JDK's lazily started threads and
     * descriptors (virtual-thread carriers and pollers, for example) exist before baselines are taken.
     */
    @BeforeAll
    static void warmUpTheJdk() throws IOException {
        for (String model : ModelTraits.modelNames()) {
            try (Server server = ServerModels.byName(model).create(ServerConfig.defaults().withWorkers(2))) {
                runCycles(server.start(), 20);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.concbench.servers.ModelTraits#modelNames")
    void releasesEverythingOverAThousandConnectionsAndOnClose(String model) throws IOException {
        assumeThat(ProcessResources.canCountDescriptors()).as("/proc/self/fd (Linux) to count descriptors").isTrue();
        Set<Long> threadsBefore = ProcessResources.liveThreadIds();
        int threadCountBefore = ProcessResources.platformThreadCount();
        int descriptorsBefore = ProcessResources.openDescriptors();
        long childrenBefore = ProcessHandle.current().children().count();

        // A few workers, so that a pool that starts its threads lazily has started all of them
        // during the warm-up.
        Server server = ServerModels.byName(model).create(ServerConfig.defaults().withWorkers(4));
        try {
            InetSocketAddress address = server.start();
            runCycles(address, WARM_UP_CYCLES);
            int threadBaseline = steady(ProcessResources::platformThreadCount);
            int descriptorBaseline = steady(ProcessResources::openDescriptors);
            ProcessResources.ClassHistogram objectsBaseline = ProcessResources.liveObjects();
            if (ModelTraits.of(model).ownHttpRules()) { // the JDK's server makes and names its dispatcher itself
                assertThat(Thread.getAllStackTraces().keySet()).as("the JDK's dispatcher thread while the server runs")
                        .anyMatch(thread -> thread.getName().equals("HTTP-Dispatcher") && !threadsBefore.contains(thread.threadId()));
            } else {
                assertThat(ProcessResources.modelThreadNames(model, threadsBefore))
                        .as("live threads named '%s-...' (the naming convention) while the server runs", model)
                        .isNotEmpty();
            }

            // Sampled on the way, as a leaked socket may be closed later by the garbage collector.
            int cycles = ModelTraits.of(model).connectionStartsAJvm() ? JVM_PER_CONNECTION_CYCLES : CYCLES;
            Peaks peaks = runCycles(address, cycles);
            assertThat(peaks.threads()).as("peak platform threads during %d connections (baseline %d)",
                    cycles, threadBaseline).isLessThanOrEqualTo(threadBaseline + IN_FLIGHT_TOLERANCE);
            assertThat(peaks.descriptors()).as("peak open descriptors during %d connections (baseline %d)",
                    cycles, descriptorBaseline).isLessThanOrEqualTo(descriptorBaseline + IN_FLIGHT_TOLERANCE);

            awaitAtMost("platform threads after " + cycles + " connections (baseline " + threadBaseline + ")",
                    ProcessResources::platformThreadCount, threadBaseline + THREAD_TOLERANCE);
            awaitAtMost("open descriptors after " + cycles + " connections (baseline " + descriptorBaseline + ")",
                    ProcessResources::openDescriptors, descriptorBaseline + DESCRIPTOR_TOLERANCE);
            assertThat(retainedPerConnection(objectsBaseline, ProcessResources.liveObjects(), cycles))
                    .as("classes with an object still reachable for every other connection of %d", cycles).isEmpty();
        } finally {
            server.close();
        }

        // close() joins the model's threads: none may be alive when it returns.
        assertThat(ProcessResources.modelThreadNames(model, threadsBefore)).as("threads of the model alive after close()").isEmpty();
        awaitAtMost("platform threads after close() (before start: " + threadCountBefore + ")",
                ProcessResources::platformThreadCount, threadCountBefore + THREAD_TOLERANCE);
        awaitAtMost("open descriptors after close() (before start: " + descriptorsBefore + ")",
                ProcessResources::openDescriptors, descriptorsBefore + DESCRIPTOR_TOLERANCE);
        assertThat(ProcessHandle.current().children().count()).as("child processes after close()")
                .isLessThanOrEqualTo(childrenBefore);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.concbench.servers.ModelTraits#modelNames")
    void leavesNoThreadOfTheModelWhenClosedWithAConnectionOpen(String model) throws IOException {
        // Repeated, since a thread that is still ending when close() returns is a race.
        for (int round = 0; round < CLOSE_ROUNDS; round++) {
            Set<Long> threadsBefore = ProcessResources.liveThreadIds();
            try (Server server = ServerModels.byName(model).create(ServerConfig.defaults().withWorkers(2));
                 RawConnection connection = RawConnection.open(server.start())) {
                connection.send("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n");
                assertThat(connection.readResponse().status()).isEqualTo(200);
                server.close();
                assertThat(ProcessResources.modelThreadNames(model, threadsBefore))
                        .as("threads of the model alive when close() returned (round %d)", round + 1).isEmpty();
            }
        }
    }

    /**
     * Connects, and ends each connection in one of the four ways a connection ends: the server closes
     * it ({@code Connection: close}), the client closes it after a response, the client resets it
     * after a response, the client resets it in the middle of a request.
     */
    private static Peaks runCycles(InetSocketAddress address, int cycles) throws IOException {
        int peakThreads = 0;
        int peakDescriptors = 0;
        for (int i = 0; i < cycles; i++) {
            if (i % SAMPLE_EVERY_CYCLES == SAMPLE_EVERY_CYCLES - 1) {
                peakThreads = Math.max(peakThreads, ProcessResources.platformThreadCount());
                peakDescriptors = Math.max(peakDescriptors, ProcessResources.openDescriptors());
            }
            RawConnection connection = RawConnection.open(address);
            try {
                switch (i % 4) {
                    case 0 -> {
                        connection.send("GET /hello HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
                        assertThat(connection.readResponse().status()).isEqualTo(200);
                        connection.awaitClosedByServer(Duration.ofSeconds(5));
                        connection.close();
                    }
                    case 1 -> {
                        connection.send("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n");
                        assertThat(connection.readResponse().status()).isEqualTo(200);
                        connection.close();
                    }
                    case 2 -> {
                        connection.send("GET /json HTTP/1.1\r\nHost: test\r\n\r\n");
                        assertThat(connection.readResponse().status()).isEqualTo(200);
                        connection.reset();
                    }
                    default -> {
                        connection.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc");
                        connection.reset();
                    }
                }
            } finally {
                connection.close();
            }
        }
        return new Peaks(peakThreads, peakDescriptors);
    }

    /**
     * The classes whose reachable objects grew, between two counts, by half the connections made in
     * between or more: a model that keeps something of each connection or request (a thread, a
     * buffer, an entry in a map) after it ended, with how many more there are.
     */
    private static Map<String, Long> retainedPerConnection(ProcessResources.ClassHistogram before,
                                                           ProcessResources.ClassHistogram after, int connections) {
        Map<String, Long> countsBefore = before.countsByClass();
        Map<String, Long> grown = new TreeMap<>();
        after.countsByClass().forEach((type, count) -> {
            long more = count - countsBefore.getOrDefault(type, 0L);
            if (more >= connections / 2) {
                grown.put(type, more);
            }
        });
        return grown;
    }

    /** The highest counts sampled while connections came and went. */
    private record Peaks(int threads, int descriptors) {
    }

    /** Polls {@code count} until it is at most {@code limit}, failing after {@link #SETTLE_TIME}. */
    private static void awaitAtMost(String what, IntSupplier count, int limit) {
        long deadline = System.nanoTime() + SETTLE_TIME.toNanos();
        int last = count.getAsInt();
        while (last > limit && System.nanoTime() < deadline) {
            sleepBriefly();
            last = count.getAsInt();
        }
        assertThat(last).as(what).isLessThanOrEqualTo(limit);
    }

    /**
     * The count once it has stopped changing (three equal readings in a row), so that connection
     * threads of the warm-up that are still ending do not raise the baseline.
     */
    private static int steady(IntSupplier count) {
        long deadline = System.nanoTime() + SETTLE_TIME.toNanos();
        int last = count.getAsInt();
        int equalReadings = 1;
        while (equalReadings < 3 && System.nanoTime() < deadline) {
            sleepBriefly();
            int next = count.getAsInt();
            equalReadings = next == last ? equalReadings + 1 : 1;
            last = next;
        }
        return last;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
