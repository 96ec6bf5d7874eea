package dev.concbench.bench.server;

import java.io.IOException;
import java.util.Optional;

/**
 * Starts a trial's server models in their own processes: on this machine ({@link ServerLaunch}), or
 * on the server host over OpenSSH ({@link SshLauncher}). The harness starts, samples and stops a
 * server the same way whichever runs it.
 *
 * <p>Either way the server's standard input is its lifeline: it exits when its input ends, so a
 * benchmark JVM that dies, however it dies, leaves no server behind (over SSH, the end of the ssh
 * client's input, or of its connection, ends the server's input on the server host).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ServerLauncher {

    /**
     * Starts the model and returns it once it accepts connections.
     *
     * @throws IOException when it cannot be started or does not report its address in time; nothing
     *                     is left running then, here or on the server host
     */
    RunningServer start(String model) throws IOException;

    /** The same launcher for another build's servers (an A/B run's baseline), given by its class path here. */
    ServerLauncher withClassPath(String classPath);

    /**
     * Checks that servers can be started and readies their host: a no-op here; over SSH, it checks
     * the connection and the JDK there and copies the class path.
     *
     * @return the server host's machine and JVM, or empty when the servers run on this machine
     * @throws IOException with a one-line message naming the host and what went wrong
     */
    Optional<ServerHostInfo> prepare() throws IOException;
}
