package dev.concbench.servers.workerjvm;

import java.util.List;
import java.util.Objects;

/**
 * How worker JVMs are tuned: the options that make a short-lived JVM start fast, and whether they
 * use an AOT cache (JDK 25's {@code -XX:AOTCache}, trained on a worker serving requests). The
 * options a worker needs to work at all are added by {@link WorkerJvm} and are not listed here.
 *
 * @param tuning   JVM options for start-up speed, e.g. {@code -XX:TieredStopAtLevel=1}
 * @param aotCache whether workers start from an AOT cache (built on first use, once per class path)
 */
public record WorkerJvmOptions(List<String> tuning, boolean aotCache) {

    /**
     * The tuning measured fastest for a worker that serves one request and exits (with the cache,
     * on a busy two-core machine, each option removed in turn): C1 only (without it a worker takes
     * about a third more CPU, compiling with C2 what it will never run again), core reflection
     * through native accessors ({@code System.inheritedChannel()} makes its socket's descriptor by
     * reflection, which would otherwise generate method-handle classes, again about a third more),
     * the serial collector (a little less than G1 to set up), a small heap and no perf-data file
     * in {@code /tmp} (no measurable cost, but bounded memory per child and nothing left behind in
     * {@code /tmp} by a killed one). {@code -Xint} took slightly less CPU for {@code /hello} but
     * would make {@code /cpu} many times slower; it is not used.
     */
    public static final List<String> FAST_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
            "-XX:-UsePerfData", "-Djdk.reflect.useNativeAccessorOnly=true");

    public WorkerJvmOptions {
        tuning = List.copyOf(Objects.requireNonNull(tuning, "tuning"));
        for (String option : tuning) {
            if (!option.startsWith("-")) {
                throw new IllegalArgumentException("a JVM option starts with '-': " + option);
            }
        }
    }

    /** {@link #FAST_START} with the AOT cache. */
    public static WorkerJvmOptions defaults() {
        return new WorkerJvmOptions(FAST_START, true);
    }
}
