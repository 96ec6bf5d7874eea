package dev.concbench.bench.server;

import dev.concbench.bench.resources.ProcessTree;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;

/**
 * A server model running for one benchmark trial, in its own process ({@link ServerProcess}, here
 * or on the server host) or in the benchmark's JVM ({@link InProcessServer}).
 *
 * <p>Lifecycle: obtained already started and accepting; {@link #close()} stops it and releases
 * everything it made (threads, descriptors, child processes). {@code close()} is idempotent and
 * may be called from any thread.
 */
public interface RunningServer extends AutoCloseable {

    /** The model's name, e.g. {@code pool}. */
    String model();

    /** The address the server accepts connections on. */
    InetSocketAddress address();

    /**
     * The server's process tree as its host's {@code /proc} shows it, to sample its resources from;
     * empty when it runs in the benchmark's JVM.
     */
    Optional<ProcessTree> processTree();

    /**
     * Facts the server reported about itself when it started (e.g. {@code transport=epoll},
     * {@code threads=4}); sorted by key.
     */
    Map<String, String> startInfo();

    /**
     * Facts the server reported when it stopped (e.g. how many processes it spawned); empty before
     * {@link #close()} or when the server did not report.
     */
    Map<String, String> stopInfo();

    /** Stops the server; see the class documentation. */
    @Override
    void close();
}
