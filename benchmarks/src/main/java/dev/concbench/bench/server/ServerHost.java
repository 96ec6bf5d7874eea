package dev.concbench.bench.server;

import dev.concbench.bench.resources.ProcSource;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where a {@link ServerProcess} runs, as far as starting, sampling and stopping it differ: this
 * machine ({@link LocalHost}), or the server host over SSH ({@link SshHost}). The lifecycle itself
 * (the listening line, the lifeline, the stop steps) is {@link ServerProcess}'s, the same for both.
 */
interface ServerHost {

    /**
     * Starts the process that runs the server command here or there, its standard input the
     * server's lifeline and its standard output the server's.
     */
    Process spawn(List<String> serverCommand) throws IOException;

    /**
     * The server's process id on its host when the spawned process tells it; empty when the server
     * announces it on its output first (a {@link ServerLines#pid} line, over SSH).
     */
    OptionalLong pid(Process spawned);

    /** The host's {@code /proc}, to sample the server's process tree from. */
    ProcSource proc();

    /** Sends SIGTERM, or SIGKILL when forcibly, to these processes of the host; best effort, quietly. */
    void signal(List<Long> pids, boolean forcibly);

    /** Releases what the host holds for its server (over SSH, the {@code /proc} reader's session). */
    void close();
}
