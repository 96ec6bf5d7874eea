package dev.concbench.servers.app;

/**
 * CPU-bound work of a fixed size per microsecond asked for, the same in every model.
 *
 * <p>The work is counted in rounds of a xorshift generator rather than timed, so that a thread
 * that is descheduled does the same work as one that is not, and virtual threads (which have no
 * CPU clock of their own) do the same work as platform threads. {@link #ROUNDS_PER_MICROSECOND}
 * was measured on the project's reference machine (AMD EPYC, 2 cores, JDK 25, C2-compiled, by the
 * thread's CPU clock, 2026-11-27: 502 to 514 rounds per µs over 7 trials): one microsecond asked
 * for is about one microsecond of CPU there.
 */
final class CpuWork {

    static final int ROUNDS_PER_MICROSECOND = 510;

    private CpuWork() {
    }

    /** Does {@code micros} microseconds' worth of rounds and returns their result. */
    static long burn(int micros) {
        long rounds = (long) micros * ROUNDS_PER_MICROSECOND;
        long x = 0x9E3779B97F4A7C15L ^ micros;
        long sum = 0;
        for (long i = 0; i < rounds; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            sum += x;
        }
        return sum;
    }
}
