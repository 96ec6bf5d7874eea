package dev.concbench.servers.selector;

import static dev.concbench.servers.Closeables.closeQuietly;

import dev.concbench.servers.OneShotServer;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.app.Application;
import dev.concbench.servers.http.HttpHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One thread, one {@link Selector}: the event loop accepts, reads and writes without ever blocking,
 * and runs the application itself, between two selects. A request that blocks (like
 * {@code /sleep}) or burns CPU holds up every connection: that is the model.
 *
 * <p>Each connection is a {@link SelectorConnection}. Silent connections are found by a sweep every
 * {@link #sweepIntervalMillis} (a quarter of the read timeout, at most
 * {@value #MAX_SWEEP_INTERVAL_MILLIS} ms) that compares each connection's last activity with the
 * read timeout, rather than by a timer per connection; so a silent connection is closed between one
 * read timeout and one read timeout plus two sweep intervals after its last byte.
 *
 * <p>{@link #close()} wakes the loop (and interrupts it, so that a handler that sleeps gives up);
 * the loop closes every channel and the selector on its way out, and {@code close()} joins it.
 */
public final class SelectorServer extends OneShotServer {

    static final long MAX_SWEEP_INTERVAL_MILLIS = 250;

    private static final long MIN_SWEEP_INTERVAL_MILLIS = 10;
    private static final long JOIN_TIMEOUT_MILLIS = 5_000;
    /** Accepts per wakeup at most, so that a burst of connections does not starve the others. */
    private static final int MAX_ACCEPTS_PER_EVENT = 64;

    private final ServerConfig config;
    private final HttpHandler handler = new Application();
    private final long readTimeoutNanos;
    private final long sweepIntervalMillis;
    private final Consumer<SelectionKey> onReady = this::onReady; // one object, not one per select

    private volatile boolean closing;
    private Selector selector;
    private ServerSocketChannel listener;
    private SelectionKey listenerKey;
    private Thread loop;
    private long nextSweep;
    private boolean acceptPaused;

    public SelectorServer(ServerConfig config) {
        this.config = config;
        this.readTimeoutNanos = config.readTimeout().toNanos();
        this.sweepIntervalMillis = Math.clamp(config.readTimeout().toMillis() / 4,
                MIN_SWEEP_INTERVAL_MILLIS, MAX_SWEEP_INTERVAL_MILLIS);
    }

    @Override
    protected InetSocketAddress open() throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
        listener.configureBlocking(false);
        listenerKey = listener.register(selector, SelectionKey.OP_ACCEPT);
        InetSocketAddress address = (InetSocketAddress) listener.getLocalAddress();
        loop = ServerThreads.platform(SelectorModel.NAME, "loop").newThread(this::runLoop);
        loop.start();
        return address;
    }

    @Override
    protected void release() {
        closing = true;
        if (loop == null) { // start() failed before the loop ran: release what it opened
            closeQuietly(listener);
            closeQuietly(selector);
            return;
        }
        selector.wakeup();
        loop.interrupt();
        try {
            loop.join(JOIN_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (loop.isAlive()) {
            System.err.println("concbench: selector: the event loop did not stop within "
                    + JOIN_TIMEOUT_MILLIS + " ms");
        }
    }

    private void runLoop() {
        nextSweep = System.nanoTime();
        try {
            while (!closing) {
                selector.select(onReady, sweepIntervalMillis);
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + TimeUnit.MILLISECONDS.toNanos(sweepIntervalMillis);
                }
            }
        } catch (IOException e) {
            if (!closing) {
                ServerThreads.reportBug("the selector loop", e);
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key.channel());
            }
            closeQuietly(listener);
            closeQuietly(selector);
        }
    }

    private void onReady(SelectionKey key) {
        if (key.attachment() instanceof SelectorConnection connection) {
            connection.onReady(key.readyOps());
        } else {
            accept();
        }
    }

    private void accept() {
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                if (!closing) { // e.g. out of descriptors: stop accepting until the next sweep
                    System.err.println("concbench: " + SelectorModel.NAME + ": accept failed: " + e.getMessage());
                    listenerKey.interestOps(0);
                    acceptPaused = true;
                }
                return;
            }
            if (channel == null) {
                return;
            }
            try {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                key.attach(new SelectorConnection(channel, key, handler, config.limits(), () -> closing,
                        System.nanoTime()));
            } catch (IOException e) {
                closeQuietly(channel); // the peer went away before it was registered
            }
        }
    }

    private void sweep(long now) {
        for (SelectionKey key : selector.keys()) {
            if (key.attachment() instanceof SelectorConnection connection) {
                connection.sweep(now, readTimeoutNanos);
            }
        }
        if (acceptPaused) {
            acceptPaused = false;
            listenerKey.interestOps(SelectionKey.OP_ACCEPT);
        }
    }
}
