package dev.concbench.servers.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerReport;
import dev.concbench.servers.workerjvm.WorkerJvmOptions;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ProcessPerRequestServerTest {

    private static final long SELF = ProcessHandle.current().pid();
    private static final ServerConfig CONFIG = ServerConfig.defaults();

    /**
     * The blog's lesson: the parent closes its copy of every accepted socket and reaps every child,
     * so after 200 connections its descriptors are back where they were and no child is left,
     * not even a zombie.
     */
    @Test
    void theParentClosesItsCopyOfEverySocketAndLeavesNoChildBehind() throws Exception {
        Set<Long> childrenBefore = new HashSet<>(ProcTable.childrenOf(SELF));
        try (ProcessPerRequestServer server = new ProcessPerRequestServer(CONFIG.withWorkers(8))) {
            InetSocketAddress address = server.start();
            hello(address, 8, 4); // the JDK opens some descriptors lazily on first use
            assertThat(ProcTable.await(() -> server.report().liveChildren() == 0, 10_000)).isTrue();
            int baseline = ProcTable.openDescriptors();

            hello(address, 200, 4);

            assertThat(ProcTable.await(() -> ProcTable.openDescriptors() <= baseline, 10_000))
                    .as("descriptors back to the baseline of %d (now %d)", baseline, ProcTable.openDescriptors())
                    .isTrue();
            assertThat(ProcTable.await(() -> newChildren(childrenBefore).isEmpty(), 10_000))
                    .as("children or zombies left: %s", newChildren(childrenBefore))
                    .isTrue();
            ServerReport report = server.report();
            assertThat(report.childrenSpawned()).isEqualTo(208L);
            assertThat(report.liveChildren()).isZero();
            assertThat(report.childrenFailed()).isZero();
            assertThat(report.spawnToExitP99Ms()).isNotNull();
            assertThat(report.spawnToExitMedianMs()).isPositive();
        }
        assertThat(newChildren(childrenBefore)).isEmpty();
    }

    /**
     * The child itself reads and writes the client's socket (standard input and output are that
     * socket), the parent holds no copy of it, and the child's only other descriptor is its lifeline.
     */
    @Test
    void theChildOwnsTheClientSocket() throws Exception {
        Set<Long> childrenBefore = new HashSet<>(ProcTable.childrenOf(SELF));
        try (ProcessPerRequestServer server = new ProcessPerRequestServer(CONFIG);
             TestConnection client = TestConnection.open(server.start())) {
            client.send("GET /sleep?ms=1500 HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(ProcTable.await(() -> newChildren(childrenBefore).size() == 1, 10_000)).isTrue();
            long child = newChildren(childrenBefore).getFirst();
            assertThat(ProcTable.await(() -> ProcTable.descriptor(child, 0) != null
                    && ProcTable.descriptor(child, 0).startsWith("socket:"), 10_000)).isTrue();
            String socket = ProcTable.descriptor(child, 0);
            assertThat(ProcTable.descriptor(child, 1)).isEqualTo(socket);
            assertThat(ProcTable.descriptor(child, 3)).startsWith("pipe:");
            // The parent closes its copy right after the spawn, while the child goes on serving.
            assertThat(ProcTable.await(() -> !ProcTable.sockets(SELF).contains(socket), 5_000))
                    .as("the parent holds no copy of the child's socket").isTrue();

            TestConnection.Response response = client.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("slept 1500 ms");
            assertThat(response.headers()).containsEntry("connection", "close");
            assertThat(client.closedByServerWithin(Duration.ofSeconds(5))).isTrue();
        }
    }

    /** At the cap, the acceptor stops accepting: the third of three slow requests waits for a child to exit. */
    @Test
    void neverRunsMoreChildrenThanTheCap() throws Exception {
        try (ProcessPerRequestServer server = new ProcessPerRequestServer(CONFIG.withWorkers(2))) {
            InetSocketAddress address = server.start();
            AtomicInteger mostLive = new AtomicInteger();
            AtomicBoolean done = new AtomicBoolean();
            CompletableFuture<Void> watching = CompletableFuture.runAsync(() -> {
                while (!done.get()) {
                    mostLive.accumulateAndGet(server.report().liveChildren(), Math::max);
                    Thread.onSpinWait();
                }
            });
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(3);
            try {
                List<Future<TestConnection.Response>> responses = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    responses.add(clients.submit(() -> TestConnection.get(address, "/sleep?ms=1000")));
                }
                for (Future<TestConnection.Response> response : responses) {
                    assertThat(response.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
                }
            } finally {
                clients.shutdownNow();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            done.set(true);
            watching.get(5, TimeUnit.SECONDS);
            assertThat(mostLive.get()).as("most children alive at once").isEqualTo(2);
            assertThat(took).as("three 1 s requests through two children").isGreaterThanOrEqualTo(Duration.ofMillis(2_000));
            assertThat(server.report().childrenSpawned()).isEqualTo(3L);
        }
    }

    /** A child that outlives its deadline (here it waits for a request that never comes) is killed. */
    @Test
    void killsAChildThatHangs() throws Exception {
        Duration deadline = Duration.ofMillis(1_500);
        try (ProcessPerRequestServer server =
                     new ProcessPerRequestServer(CONFIG, WorkerJvmOptions.defaults(), deadline);
             TestConnection silent = TestConnection.open(server.start())) {
            long start = System.nanoTime();
            assertThat(silent.closedByServerWithin(Duration.ofSeconds(10))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(deadline.minusMillis(100));
            assertThat(ProcTable.await(() -> server.report().childrenFailed() == 1L, 5_000)).isTrue();
            assertThat(server.report().liveChildren()).isZero();
        }
    }

    /** close() kills the children serving in-flight requests, reaps them and ends its threads. */
    @Test
    void closeKillsAndReapsLiveChildren() throws Exception {
        Set<Long> childrenBefore = new HashSet<>(ProcTable.childrenOf(SELF));
        ProcessPerRequestServer server = new ProcessPerRequestServer(CONFIG);
        try (TestConnection sleeping = TestConnection.open(server.start())) {
            sleeping.send("GET /sleep?ms=60000 HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(ProcTable.await(() -> server.report().liveChildren() == 1, 10_000)).isTrue();
            long start = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("close()").isLessThan(Duration.ofSeconds(5));
            assertThat(newChildren(childrenBefore)).isEmpty();
            assertThat(sleeping.closedByServerWithin(Duration.ofSeconds(2))).isTrue();
        } finally {
            server.close();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().startsWith("process-"));
    }

    /**
     * Whatever the JVM says at start-up goes to standard error, never into the response: here a
     * worker is pointed at a cache file that is garbage, and says so.
     */
    @Test
    void aBrokenCacheFileDoesNotBreakAWorker(@TempDir Path directory) throws Exception {
        Path garbage = Files.writeString(directory.resolve("garbage.aot"), "not an AOT cache");
        List<String> tuning = new ArrayList<>(WorkerJvmOptions.FAST_START);
        tuning.add("-XX:AOTCache=" + garbage);
        try (ProcessPerRequestServer server = new ProcessPerRequestServer(CONFIG,
                new WorkerJvmOptions(tuning, false), Duration.ofSeconds(30))) {
            TestConnection.Response response = TestConnection.get(server.start(), "/hello");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello, World!");
            assertThat(server.report().workerAotCache()).isEqualTo("off");
        }
    }

    /** {@code count} GET /hello, on {@code parallel} client threads, each answered 200. */
    private static void hello(InetSocketAddress address, int count, int parallel) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<TestConnection.Response>> responses = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                responses.add(clients.submit(() -> TestConnection.get(address, "/hello")));
            }
            for (Future<TestConnection.Response> response : responses) {
                assertThat(response.get(60, TimeUnit.SECONDS).body()).isEqualTo("Hello, World!");
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static List<Long> newChildren(Set<Long> before) {
        return ProcTable.childrenOf(SELF).stream().filter(pid -> !before.contains(pid)).toList();
    }
}
