package dev.concbench.bench;

import java.util.List;

/**
 * The flags of the forked benchmark JVM that runs the load client: a fixed heap, the parallel
 * collector, native access for Netty's epoll transport, and Netty's leak detection off (it samples
 * buffers on the hot path). Named here once, for {@link ServerBenchmark}'s {@code @Fork} and for
 * the suite runner, which replaces the annotation's arguments with its own.
 */
public final class BenchmarkJvm {

    static final String HEAP_MIN = "-Xms512m";
    static final String HEAP_MAX = "-Xmx512m";
    static final String COLLECTOR = "-XX:+UseParallelGC";
    static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";
    static final String NETTY_LEAK_DETECTION = "-Dio.netty.leakDetection.level=disabled";

    /** The flags, in order. */
    public static final List<String> FLAGS = List.of(HEAP_MIN, HEAP_MAX, COLLECTOR, NATIVE_ACCESS, NETTY_LEAK_DETECTION);

    private BenchmarkJvm() {
    }
}
