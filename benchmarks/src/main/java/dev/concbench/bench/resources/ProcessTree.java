package dev.concbench.bench.resources;

import java.util.Objects;

/**
 * A server's process and the {@code /proc} it is seen in: the root of the tree a
 * {@link ProcessTreeSampler} samples.
 *
 * @param pid  the process id on its own host
 * @param proc the {@code /proc} of that host
 */
public record ProcessTree(long pid, ProcSource proc) {

    public ProcessTree {
        Objects.requireNonNull(proc, "proc");
    }
}
