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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The part every blocking model shares: a listening socket, one acceptor thread, the set of open
 * connections (closed by {@link #close()}), and {@link BlockingConnection} to serve each one. A
 * model says only how an accepted connection is scheduled ({@link #dispatch}), whether accepting
 * waits for capacity ({@link #awaitCapacity}) and how its workers stop ({@link #stopWorkers}).
 */
public abstract class BlockingServer extends OneShotServer {

    /** How long closing waits for each thread of the model to end. */
    protected static final long JOIN_TIMEOUT_MILLIS = 5_000;

    protected final ServerConfig config;
    private final String model;
    private final HttpHandler handler = new Application();
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closing;
    private ServerSocket listener;
    private Thread acceptor;

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
        try {
            BlockingConnection.serve(connection, handler, config.limits(), config.readTimeout(), maxRequests);
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
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        while (!closing) {
            try {
                awaitCapacity();
                Socket connection = listener.accept();
                connections.add(connection);
                if (closing) {
                    connection.close();
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
        connections.forEach(Closeables::closeQuietly);
        try {
            if (acceptor != null) {
                acceptor.join(JOIN_TIMEOUT_MILLIS);
            }
            stopWorkers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.forEach(Closeables::closeQuietly); // any accepted while closing
    }
}
