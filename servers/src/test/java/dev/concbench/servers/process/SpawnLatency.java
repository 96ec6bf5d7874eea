package dev.concbench.servers.process;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerReport;
import dev.concbench.servers.workerjvm.WorkerJvmOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures the process model's cost per request: the time from connecting to having the whole
 * response of {@code GET /hello}, one request at a time (so each is a cold JVM with the machine to
 * itself), for a set of worker JVM options. Run from {@code servers/}:
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     dev.concbench.servers.process.SpawnLatency [--requests N] [--no-cache] [-- JVM options...]
 * </pre>
 *
 * Without JVM options after {@code --} the workers get {@link WorkerJvmOptions#FAST_START}. Prints
 * the median and 99th percentile of the response time, the server's own spawn-to-exit figures, and
 * the CPU time each worker took (user and system, from the children's times in /proc/self/stat).
 */
public final class SpawnLatency {

    private SpawnLatency() {
    }

    public static void main(String[] args) throws IOException {
        int requests = 50;
        boolean cache = true;
        List<String> tuning = WorkerJvmOptions.FAST_START;
        List<String> arguments = Arrays.asList(args);
        for (int i = 0; i < arguments.size(); i++) {
            switch (arguments.get(i)) {
                case "--requests" -> requests = Integer.parseInt(arguments.get(++i));
                case "--no-cache" -> cache = false;
                case "--" -> {
                    tuning = List.copyOf(arguments.subList(i + 1, arguments.size()));
                    i = arguments.size();
                }
                default -> {
                    System.err.println("usage: SpawnLatency [--requests N] [--no-cache] [-- JVM options...]");
                    System.exit(2);
                }
            }
        }
        WorkerJvmOptions options = new WorkerJvmOptions(tuning, cache);
        try (ProcessPerRequestServer server = new ProcessPerRequestServer(ServerConfig.defaults().withWorkers(1),
                options, Duration.ofSeconds(30))) {
            InetSocketAddress address = server.start();
            TestConnection.get(address, "/hello"); // not counted: the page cache, the first connection
            long childCpuBefore = reapedChildrenCpuMillis();
            List<Long> micros = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                try (TestConnection connection = TestConnection.open(address)) {
                    connection.send("GET /hello HTTP/1.1\r\nHost: probe\r\n\r\n");
                    if (connection.readResponse().status() != 200) {
                        throw new IllegalStateException("not 200");
                    }
                }
                micros.add((System.nanoTime() - start) / 1_000);
                awaitNoChild(server);
            }
            double childCpu = (reapedChildrenCpuMillis() - childCpuBefore) / (double) requests;
            micros.sort(null);
            ServerReport report = server.report();
            System.out.printf("spawn-to-response median %.1f ms, p99 %.1f ms over %d requests;"
                            + " spawn-to-exit median %s ms, p99 %s ms; child CPU %.0f ms per request; cache %s; tuning %s%n",
                    micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0,
                    requests, report.spawnToExitMedianMs(), report.spawnToExitP99Ms(), childCpu,
                    report.workerAotCache(), String.join(" ", tuning));
        }
    }

    /** The user and system CPU time of every child reaped so far, from /proc/self/stat. */
    private static long reapedChildrenCpuMillis() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    /** Waits until the last child has exited, so that the next starts on an idle machine. */
    private static void awaitNoChild(ProcessPerRequestServer server) {
        while (server.report().liveChildren() != 0) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
