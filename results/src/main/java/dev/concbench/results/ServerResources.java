package dev.concbench.results;

/**
 * What the server process used, sampled from {@code /proc} while the benchmark ran. Peaks cover
 * the whole trial (warm-up included); {@code cpuSeconds} covers the measurement iterations, the
 * same window as {@link BenchmarkResult#requestsCompleted()}.
 *
 * @param peakThreads         most threads the server process had at once
 * @param peakFileDescriptors most open file descriptors the server process had at once
 * @param peakRssBytes        largest resident set size of the server process, bytes
 * @param cpuSeconds          user + system CPU time of the server and its reaped children, seconds
 * @param processesSpawned    child processes the server started (process-per-request, prefork)
 * @param peakLiveChildren    most child processes alive at once
 */
public record ServerResources(int peakThreads, int peakFileDescriptors, long peakRssBytes, double cpuSeconds,
                              long processesSpawned, int peakLiveChildren) {

    public ServerResources {
        Checks.notNegative(peakThreads, "resources peakThreads");
        Checks.notNegative(peakFileDescriptors, "resources peakFileDescriptors");
        Checks.notNegative(peakRssBytes, "resources peakRssBytes");
        Checks.notNegative(cpuSeconds, "resources cpuSeconds");
        Checks.notNegative(processesSpawned, "resources processesSpawned");
        Checks.notNegative(peakLiveChildren, "resources peakLiveChildren");
    }
}
