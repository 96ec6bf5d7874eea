package dev.concbench.bench.resources;

import java.util.Map;
import java.util.Set;

/**
 * One process's CPU time read at the edge of a measured window, in two forms: the process's own
 * total from {@code /proc/PID/stat} (whole clock ticks, exited threads and reaped children
 * included) and each live thread's time from {@code /proc/PID/task/TID/schedstat} (nanoseconds).
 * Two readings give the CPU used between them ({@link #secondsSince}).
 *
 * <p>Why both: a clock tick is 10 ms, which on a half-second window of a server using half a core
 * is 4 % per edge; the threads' nanoseconds are exact but miss a thread that ended between the
 * readings. So the threads' sum is used when it agrees with the ticks, and the ticks otherwise
 * (thread-per-request servers, process models).
 *
 * <p>The JVM's JIT compiler threads are left out of both: compiling is a warm-up cost that comes
 * and goes in bursts of tens of milliseconds, not work done per request, and counted it made
 * windows of the same server differ by up to 13 %.
 *
 * @param tickSeconds  the process's user + system time with its reaped children, from whole ticks
 * @param tickLength   the length of one tick, in seconds
 * @param threadNanos  each live thread's time on a CPU, by thread id
 * @param jitThreads   the ids of the JIT compiler threads among them
 */
record CpuReading(double tickSeconds, double tickLength, Map<Long, Long> threadNanos, Set<Long> jitThreads) {

    /**
     * How far the threads' sum may stray from the ticks and still be trusted: a tick of truncation
     * at each reading.
     */
    private static final int TICKS_OF_AGREEMENT = 2;

    CpuReading {
        threadNanos = Map.copyOf(threadNanos);
        jitThreads = Set.copyOf(jitThreads);
    }

    /** The CPU seconds the process used from {@code start} to this reading, without the JIT compiler threads; never negative. */
    double secondsSince(CpuReading start) {
        double ticks = tickSeconds - start.tickSeconds;
        long threads = 0;
        long jit = 0;
        for (Map.Entry<Long, Long> thread : threadNanos.entrySet()) {
            long used = thread.getValue() - start.threadNanos.getOrDefault(thread.getKey(), 0L);
            threads += used;
            if (jitThreads.contains(thread.getKey())) {
                jit += used;
            }
        }
        boolean threadEnded = !threadNanos.keySet().containsAll(start.threadNanos.keySet());
        double exact = threads / 1e9;
        double used = !threadEnded && Math.abs(ticks - exact) <= TICKS_OF_AGREEMENT * tickLength ? exact : ticks;
        return Math.max(0, used - jit / 1e9);
    }

    /** The CPU seconds of a process first seen at this reading (it started during the window). */
    double secondsSinceStart() {
        return secondsSince(new CpuReading(0, tickLength, Map.of(), Set.of()));
    }
}
