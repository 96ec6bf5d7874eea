package dev.concbench.results;

/**
 * The load client as it ran one benchmark, to tell a client-bound figure from a server-bound one.
 *
 * @param transport           the client's Netty transport, {@code epoll} or {@code nio}
 * @param eventLoops          the client's event-loop threads
 * @param eventLoopCpuSeconds CPU seconds the client's event loops used during the measurement
 *                            iterations (all forks together)
 * @param processCpuSeconds   CPU seconds the whole benchmark JVM (client, JMH, sampler) used during
 *                            the measurement iterations (all forks together)
 */
public record ClientUsage(String transport, int eventLoops, double eventLoopCpuSeconds, double processCpuSeconds) {

    public ClientUsage {
        Checks.notBlank(transport, "client transport");
        if (eventLoops < 1) {
            throw new IllegalArgumentException("client eventLoops must be at least 1, got " + eventLoops);
        }
        Checks.notNegative(eventLoopCpuSeconds, "client eventLoopCpuSeconds");
        Checks.notNegative(processCpuSeconds, "client processCpuSeconds");
    }
}
