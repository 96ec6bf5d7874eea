package dev.concbench.servers.blocking;

import dev.concbench.servers.Closeables;
import dev.concbench.servers.OneShotServer;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.app.Application;
import dev.concbench.servers.http.HttpHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The part every blocking model shares: a listening socket, one acceptor thread, the set of open
 * connections (closed by {@link #close()}), a sweeper thread that keeps their read timeout (see
 * {@link SweptSocket}), and {@link BlockingConnection} to serve each one. A model says only how an
 * accepted connection is scheduled ({@link #dispatch}), whether accepting waits for capacity
 * ({@link #awaitCapacity}) and how its workers stop ({@link #stopWorkers}).
 *
 * <p>The sweeper wakes every quarter of the read timeout (between {@value #MIN_SWEEP_INTERVAL_MILLIS}
 * and {@value #MAX_SWEEP_INTERVAL_MILLIS} ms), as the selector model's loop does.
 */
public abstract class BlockingServer extends OneShotServer {

    /** How long closing waits for each thread of the model to end. */
    protected static final long JOIN_TIMEOUT_MILLIS = 5_000;

    static final long MIN_SWEEP_INTERVAL_MILLIS = 10;
    static final long MAX_SWEEP_INTERVAL_MILLIS = 250;

    protected final ServerConfig config;
    private final String model;
    private final HttpHandler handler = new Application();
    private final Map<Socket, SweptSocket> connections = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private ServerSocket listener;
    private Thread acceptor;
    private Thread sweeper;

    protected BlockingServer(String model, ServerConfig config) {
        this.model = model;
        this.config = config;
    }

    /**
     * Hands an accepted connection to the model's scheduling; called on the acceptor thread. The
     * model must eventually call {@link #serve(Socket, int)} for it, or close it.
     */
    protected abstract void dispatch(Socket connection);

    /**
     * Blocks the acceptor until the model can take another connection; connections that arrive
     * meanwhile wait in the listen backlog. Does not block by default.
     */
    protected void awaitCapacity() throws InterruptedException {
    }

    /** Interrupts and joins every worker thread of the model; called by {@link #close()}. */
    protected abstract void stopWorkers() throws InterruptedException;

    /** Serves one connection on the calling thread, then forgets it. */
    protected final void serve(Socket connection, int maxRequests) {
        SweptSocket swept = connections.get(connection);
        if (swept == null) {
            return; // closed by close() before it was served
        }
        try {
            BlockingConnection.serve(swept, handler, config.limits(), maxRequests);
        } finally {
            connections.remove(connection);
        }
    }

    @Override
    protected final InetSocketAddress open() throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
        acceptor = ServerThreads.platform(model, "acceptor").newThread(this::acceptLoop);
        acceptor.start();
        sweeper = ServerThreads.platform(model, "sweeper").newThread(this::sweepLoop);
        sweeper.start();
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                awaitCapacity();
                Socket connection = listener.accept();
                SweptSocket swept;
                try {
                    swept = new SweptSocket(connection, config.readTimeout());
                } catch (IOException peerGone) {
                    Closeables.closeQuietly(connection);
                    continue;
                }
                connections.put(connection, swept);
                if (closing) {
                    swept.close();
                    connections.remove(connection);
                    return;
                }
                dispatch(connection);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                System.err.println("concbench: " + model + ": accept failed: " + e.getMessage());
                pauseAfterAcceptFailure();
            }
        }
    }

    private void sweepLoop() {
        long interval = Math.clamp(config.readTimeout().toMillis() / 4, MIN_SWEEP_INTERVAL_MILLIS,
                MAX_SWEEP_INTERVAL_MILLIS);
        try {
            while (!closing) {
                TimeUnit.MILLISECONDS.sleep(interval);
                long now = System.nanoTime();
                connections.values().forEach(connection -> connection.sweep(now));
            }
        } catch (InterruptedException closed) {
            // close() stops the sweeper
        }
    }

    /** After a failed accept (e.g. out of descriptors), pauses so the loop does not spin. */
    private void pauseAfterAcceptFailure() {
        try {
            TimeUnit.MILLISECONDS.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    protected final void release() {
        closing = true;
        Closeables.closeQuietly(listener);
        if (acceptor != null) {
            acceptor.interrupt();
        }
        if (sweeper != null) {
            sweeper.interrupt();
        }
        connections.values().forEach(SweptSocket::close);
        try {
            if (acceptor != null) {
                acceptor.join(JOIN_TIMEOUT_MILLIS);
            }
            if (sweeper != null) {
                sweeper.join(JOIN_TIMEOUT_MILLIS);
            }
            stopWorkers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.values().forEach(SweptSocket::close); // any accepted while closing
    }

}
