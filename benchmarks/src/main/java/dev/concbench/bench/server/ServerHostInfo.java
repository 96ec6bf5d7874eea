package dev.concbench.bench.server;

import dev.concbench.results.JvmInfo;
import dev.concbench.results.MachineInfo;
import java.util.Objects;

/**
 * The machine the servers run on when it is not the benchmark's own, and the JVM that runs them
 * there (its flags are the launch's).
 *
 * @param destination the host as SSH reaches it, e.g. {@code bench@10.0.0.2}
 * @param machine     its hardware, OS and kernel
 * @param jvm         the {@code java} there: version and vendor
 */
public record ServerHostInfo(String destination, MachineInfo machine, JvmInfo jvm) {

    public ServerHostInfo {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(jvm, "jvm");
    }
}
