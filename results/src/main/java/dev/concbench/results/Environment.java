package dev.concbench.results;

import java.util.Objects;

/**
 * Everything besides the machine that a figure depends on.
 *
 * @param git          the source the benchmarks were built from
 * @param benchmarkJvm the JVM that ran JMH and the load client
 * @param serverJvm    the JVM the server ran in (the same as {@code benchmarkJvm} when in-process)
 * @param jmhVersion   the JMH version, e.g. {@code 1.37}
 * @param pinning      CPU pinning of server and client; {@link CpuPinning#NONE} when unpinned
 */
public record Environment(GitInfo git, JvmInfo benchmarkJvm, JvmInfo serverJvm, String jmhVersion,
                          CpuPinning pinning) {

    public Environment {
        Objects.requireNonNull(git, "environment git");
        Objects.requireNonNull(benchmarkJvm, "environment benchmarkJvm");
        Objects.requireNonNull(serverJvm, "environment serverJvm");
        Checks.notBlank(jmhVersion, "environment jmhVersion");
        Objects.requireNonNull(pinning, "environment pinning");
    }
}
