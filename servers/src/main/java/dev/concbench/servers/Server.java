package dev.concbench.servers;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A running HTTP/1.1 server of one concurrency model, serving the shared application through
 * the shared codec.
 *
 * <h2>Lifecycle</h2>
 * A server is one-shot: created by {@link ServerModel#create(ServerConfig)}, started once with
 * {@link #start()}, closed once with {@link #close()}. It cannot be restarted.
 * <ul>
 *   <li>{@link #start()} binds the listening socket and starts every thread (or process) the model
 *       needs. When it returns, the socket is bound and accepting: a client that connects to the
 *       returned address is served. If it throws, everything it made has been released.</li>
 *   <li>{@link #close()} stops accepting, closes the listening socket and every open connection,
 *       and interrupts and joins every thread the model made (and kills and reaps every process
 *       it spawned). When it returns, none of the model's threads, descriptors or child processes
 *       is left. It is idempotent and safe to call from any thread, before or after
 *       {@code start()}; in-flight requests are abandoned, not drained.</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * {@code start()}, {@code address()}, {@code report()} and {@code close()} may be called from
 * any thread. How requests are scheduled is the model's whole point and is described by each
 * implementation.
 *
 * <h2>Failures</h2>
 * A peer that goes away is closed quietly; a peer that breaks the protocol gets a 4xx with
 * {@code Connection: close}; neither affects other connections. An unexpected exception inside a
 * model is a bug: it is logged to standard error by the thread's uncaught-exception handler.
 */
public interface Server extends AutoCloseable {

    /**
     * Binds and starts serving.
     *
     * @return the bound address (the actual port when the configured port is 0)
     * @throws IOException if the address cannot be bound or the model cannot start
     * @throws IllegalStateException if called twice or after {@link #close()}
     */
    InetSocketAddress start() throws IOException;

    /**
     * The bound address.
     *
     * @throws IllegalStateException before {@link #start()} succeeded
     */
    InetSocketAddress address();

    /**
     * The figures the model reports about itself at run time, for the command line and result
     * files: e.g. the I/O transport chosen, or how many child processes were spawned.
     * {@link ServerReport#NONE} by default.
     */
    default ServerReport report() {
        return ServerReport.NONE;
    }

    /** Stops the server and releases everything it made; see the class documentation. */
    @Override
    void close();
}
