package dev.concbench.bench.suite;

import dev.concbench.bench.server.CpuList;
import dev.concbench.results.CpuPinning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Which CPUs the server and the load client may use. Disjoint CPUs keep the two from taking
 * turns on the same core, which is what makes two runs of the same benchmark agree.
 *
 * @param server the server's CPUs, or {@code null} when not pinned
 * @param client the benchmark JVM's (load client's) CPUs, or {@code null} when not pinned
 */
record Pinning(CpuList server, CpuList client) {

    /**
     * Whether a plain run pins by default. Measured on the project's 2-core machine with no other
     * work running: hello at 64 connections, every model, two quick-suite runs unpinned against two
     * narrowed runs pinned (server on CPU 1, client on CPU 0). The median run-to-run spread was
     * 21 % unpinned and 18 % pinned, no real difference with two runs each; but on two CPUs pinning
     * hands the server one core, which changes what is measured (prefork's workers, two at the
     * time, then share it: 6,709 against 24,586/s unpinned). An earlier measurement on a busy machine favoured
     * unpinned too (14–19 % against 46–47 %). So a plain run does not pin; on a machine with more
     * cores, pin with {@code -Dbench.serverCpus} and {@code -Dbench.clientCpus}.
     */
    static final boolean PIN_BY_DEFAULT = false;

    /** No pinning. */
    static final Pinning NONE = new Pinning(null, null);

    /**
     * The default for this process's CPUs. A plain run: {@link #split(List)} when
     * {@link #PIN_BY_DEFAULT}, else none. An A/B run always splits (where there are two CPUs or
     * more): its verdict is a ratio of two servers measured under the same conditions, and sharing
     * cores with the client made those conditions differ from one window to the next. Measured
     * here, A/A (one build on both sides), {@code pool}'s CPU per request in each pair of hello
     * windows, 80 pairs each: unpinned (last stop's runs, on a busy machine) the ratio B/A of 90 %
     * of the pairs lay within 0.68–1.26; pinned (server on CPU 1, client on CPU 0, a quiet
     * machine) within 0.85–1.10. The machine's load differed too, so the comparison is not clean;
     * what the verdict can detect pinned is in the README ("Is my change slower?").
     */
    static Pinning defaultFor(boolean comparesBuilds) {
        return PIN_BY_DEFAULT || comparesBuilds ? split(allowedCpus()) : NONE;
    }

    /**
     * The CPUs split between the two: on two or more, the client on the lower half and the server
     * on the upper half (on CPUs 0 and 1: client 0, server 1); none on one CPU.
     */
    static Pinning split(List<Integer> cpus) {
        if (cpus.size() < 2) {
            return NONE;
        }
        int half = cpus.size() / 2;
        return new Pinning(list(cpus.subList(half, cpus.size())), list(cpus.subList(0, half)));
    }

    /** As the result file records it. */
    CpuPinning toResult() {
        return new CpuPinning(server == null ? null : server.text(), client == null ? null : client.text());
    }

    /** E.g. {@code server 1, client 0} or {@code none}. */
    String describe() {
        if (server == null && client == null) {
            return "none";
        }
        return "server " + (server == null ? "unpinned" : server.text()) + ", client "
                + (client == null ? "unpinned" : client.text());
    }

    /** The CPUs this process may run on ({@code Cpus_allowed_list}), or 0..n-1 without {@code /proc}. */
    static List<Integer> allowedCpus() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    return expand(line.substring("Cpus_allowed_list:".length()).strip());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: fall through
        }
        return IntStream.range(0, Runtime.getRuntime().availableProcessors()).boxed().toList();
    }

    /** {@code "0-2,5"} as {@code [0, 1, 2, 5]}. */
    static List<Integer> expand(String list) {
        return java.util.Arrays.stream(list.split(",")).flatMap(part -> {
            int dash = part.indexOf('-');
            int first = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
            int last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1));
            return IntStream.rangeClosed(first, last).boxed();
        }).toList();
    }

    private static CpuList list(List<Integer> cpus) {
        return new CpuList(cpus.stream().map(String::valueOf).collect(Collectors.joining(",")));
    }
}
