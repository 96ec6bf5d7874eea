package dev.concbench.servers.prefork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerReport;
import dev.concbench.servers.process.ProcTable;
import dev.concbench.servers.process.TestConnection;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 90, unit = TimeUnit.SECONDS)
class PreforkServerTest {

    private static final long SELF = ProcessHandle.current().pid();

    /** Every worker's standard input is the one listening socket, which the parent holds too. */
    @Test
    void theWorkersShareTheParentsListeningSocket() throws Exception {
        Set<Long> before = new HashSet<>(ProcTable.childrenOf(SELF));
        try (PreforkServer server = new PreforkServer(ServerConfig.defaults(), 2)) {
            server.start();
            assertThat(ProcTable.await(() -> workers(before).size() == 2, 10_000)).isTrue();
            Set<String> parentSockets = ProcTable.sockets(SELF);
            for (long worker : workers(before)) {
                assertThat(ProcTable.await(() -> ProcTable.descriptor(worker, 0) != null
                        && ProcTable.descriptor(worker, 0).startsWith("socket:"), 10_000)).isTrue();
                assertThat(parentSockets).contains(ProcTable.descriptor(worker, 0));
                assertThat(ProcTable.descriptor(worker, 3)).startsWith("pipe:");
            }
            ServerReport report = server.report();
            assertThat(report.workers()).isEqualTo(2);
            assertThat(report.liveWorkers()).isEqualTo(2);
            assertThat(report.workersSpawned()).isEqualTo(2L);
        }
    }

    @Test
    void servesKeepAliveConnections() throws Exception {
        try (PreforkServer server = new PreforkServer(ServerConfig.defaults(), 1);
             TestConnection connection = TestConnection.open(server.start())) {
            for (int i = 0; i < 3; i++) {
                connection.send("GET /hello HTTP/1.1\r\nHost: test\r\n\r\n");
                TestConnection.Response response = connection.readResponse();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.headers()).doesNotContainKey("connection");
            }
        }
    }

    /** Two workers, three slow requests at once: the third waits for a worker to be free. */
    @Test
    void eachWorkerServesOneConnectionAtATime() throws Exception {
        try (PreforkServer server = new PreforkServer(ServerConfig.defaults(), 2)) {
            InetSocketAddress address = server.start();
            TestConnection.get(address, "/hello"); // both workers have started (or one has, and serves)
            TestConnection.get(address, "/hello");
            ExecutorService clients = Executors.newFixedThreadPool(3);
            try {
                long start = System.nanoTime();
                List<Future<TestConnection.Response>> responses = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    responses.add(clients.submit(() -> TestConnection.get(address, "/sleep?ms=800")));
                }
                for (Future<TestConnection.Response> response : responses) {
                    assertThat(response.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_600));
            } finally {
                clients.shutdownNow();
            }
        }
    }

    @Test
    void replacesAWorkerThatDies() throws Exception {
        Set<Long> before = new HashSet<>(ProcTable.childrenOf(SELF));
        try (PreforkServer server = new PreforkServer(ServerConfig.defaults(), 2)) {
            InetSocketAddress address = server.start();
            assertThat(ProcTable.await(() -> workers(before).size() == 2, 10_000)).isTrue();
            long victim = workers(before).getFirst();
            assertThat(ProcessHandle.of(victim).orElseThrow().destroyForcibly()).isTrue();

            assertThat(ProcTable.await(() -> server.report().workersReplaced() == 1L
                    && server.report().liveWorkers() == 2, 10_000)).as("%s", server.report()).isTrue();
            assertThat(ProcTable.await(() -> !workers(before).contains(victim), 5_000)).as("the dead worker reaped").isTrue();
            assertThat(workers(before)).hasSize(2);
            for (int i = 0; i < 4; i++) {
                assertThat(TestConnection.get(address, "/hello").status()).isEqualTo(200);
            }
        }
    }

    @Test
    void closeStopsAndReapsEveryWorker() throws Exception {
        Set<Long> before = new HashSet<>(ProcTable.childrenOf(SELF));
        PreforkServer server = new PreforkServer(ServerConfig.defaults(), 3);
        try (TestConnection open = TestConnection.open(server.start())) {
            open.send("GET /sleep?ms=60000 HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(ProcTable.await(() -> workers(before).size() == 3, 10_000)).isTrue();
            long start = System.nanoTime();
            server.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(workers(before)).isEmpty();
            assertThat(open.closedByServerWithin(Duration.ofSeconds(2))).isTrue();
        } finally {
            server.close();
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().startsWith("prefork-"));
    }

    /** This JVM's children that were not there before, zombies included. */
    private static List<Long> workers(Set<Long> before) {
        return ProcTable.childrenOf(SELF).stream().filter(pid -> !before.contains(pid)).toList();
    }
}
