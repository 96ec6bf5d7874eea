package dev.concbench.bench.resources;

import java.util.List;
import java.util.Optional;

/**
 * Where a process tree's figures are read: a Linux machine's {@code /proc}, this machine's read
 * directly ({@link #local()}) or the server host's read over SSH ({@link RemoteProcFs}). What is
 * read is the same either way; only the way to the files differs.
 *
 * <p>Every method answers for a process that may end at any moment: a process that is gone (or
 * never was) reads as empty, never as an error.
 */
public interface ProcSource {

    /** This machine's {@code /proc}. */
    static ProcSource local() {
        return ProcFs.system();
    }

    /** Whether there is a {@code /proc} to read. */
    boolean available();

    /** The process's threads, open descriptors and resident memory now; empty when it is gone. */
    Optional<ProcFs.Sample> sample(long pid);

    /** The process's CPU time now, for a window's edge (see {@link CpuReading}); empty when it is gone. */
    Optional<CpuReading> cpuReading(long pid);

    /** The process's descendants now (children, their children, ...); empty when it is gone. */
    List<Long> descendants(long pid);
}
