package dev.concbench.servers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends the same request from several clients at the same moment, each on its own connection and
 * its own platform thread (named {@code test-client-<n>}, never a model's prefix), and times them.
 */
public final class ConcurrentClients {

    /**
     * How long the clients took.
     *
     * @param all  from the common start until the last answer
     * @param each each client's wait for its answer, sorted, shortest first
     */
    public record Timings(Duration all, List<Duration> each) {
    }

    private ConcurrentClients() {
    }

    /** Releases {@code clients} clients together, each sending {@code request}; every answer must be 200. */
    public static Timings time(InetSocketAddress address, int clients, String request) throws Exception {
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                task -> new Thread(task, "test-client-" + threadNumber.incrementAndGet()));
        try {
            CountDownLatch ready = new CountDownLatch(clients);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Duration>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    long start = System.nanoTime();
                    RawResponse response = RawConnection.exchange(address, request);
                    assertThat(response.status()).as("answer %s", response).isEqualTo(200);
                    return Duration.ofNanos(System.nanoTime() - start);
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            go.countDown();
            List<Duration> each = new ArrayList<>();
            for (Future<Duration> answer : answers) {
                each.add(answer.get(30, TimeUnit.SECONDS));
            }
            Duration all = Duration.ofNanos(System.nanoTime() - start);
            each.sort(null);
            return new Timings(all, List.copyOf(each));
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    /** {@code GET /sleep?ms=<millis>} with {@code Connection: close}. */
    public static String sleepRequest(Duration sleep) {
        return "GET /sleep?ms=" + sleep.toMillis() + " HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n";
    }
}
