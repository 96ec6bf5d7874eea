package dev.concbench.servers.pool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.ConcurrentClients;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModels;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What sets the pool apart from the other models: the pool is fixed, and with every worker busy a
 * new connection waits (in the listen backlog) until a worker is free.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ThreadPoolServerTest {

    private static final Duration SLEEP = Duration.ofMillis(300);

    @Test
    void withEveryWorkerBusyTheNextConnectionWaitsForAFreeWorker() throws Exception {
        try (Server server = ServerModels.byName("pool").create(ServerConfig.defaults().withWorkers(2))) {
            InetSocketAddress address = server.start();
            assertThat(server.report().workers()).isEqualTo(2);

            ConcurrentClients.Timings timings = ConcurrentClients.time(address, 4, ConcurrentClients.sleepRequest(SLEEP));

            // Two waves of two: the third and fourth answers come after two sleeps, all within three.
            assertThat(timings.each().get(2)).as("third answer of %s", timings.each())
                    .isGreaterThanOrEqualTo(SLEEP.multipliedBy(2).minusMillis(50));
            assertThat(timings.all()).as("all answers, %s", timings.each()).isLessThan(SLEEP.multipliedBy(4));
            assertThat(poolWorkerThreads()).as("live pool-worker threads").isBetween(1L, 2L);
        }
        assertThat(poolWorkerThreads()).as("live pool-worker threads after close()").isZero();
    }

    @Test
    void defaultsToTwoHundredWorkers() {
        assertThat(ServerModels.byName("pool").defaultWorkers()).isEqualTo(200);
        assertThat(ServerModels.byName("pool").workersMeaning()).isNotBlank();
    }

    private static long poolWorkerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("pool-worker-"))
                .count();
    }
}
