package dev.concbench.servers.selector;

import static dev.concbench.servers.Closeables.closeQuietly;

import dev.concbench.servers.Closeables;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.app.Application;
import dev.concbench.servers.http.HttpHandler;
import dev.concbench.servers.http.HttpLimits;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One thread, one {@link Selector}: reads, parses and writes its connections without ever
 * blocking, each a {@link SelectorConnection}. Every selector-based model is made of these: one
 * loop that also accepts ({@code selector}, {@code selector-pool}, {@code selector-virtual}), or
 * one per core fed by an acceptor ({@code reactors}).
 *
 * <p>The application runs on the loop itself, between two selects, unless the loop has
 * {@link Workers}: then each parsed request is handed to them, the connection stops reading until
 * the answer comes back, and the worker hands the answer to the loop ({@link #execute}), which
 * writes it. With the workers full, the request is answered {@code 503} with
 * {@code Connection: close} at once, by the loop.
 *
 * <p>Silent connections are found by a sweep every {@code sweepIntervalMillis} (a quarter of the
 * read timeout, between {@value #MIN_SWEEP_INTERVAL_MILLIS} and {@value #MAX_SWEEP_INTERVAL_MILLIS}
 * ms) that compares each connection's last activity with the read timeout, rather than by a timer
 * per connection; so a silent connection is closed between one read timeout and one read timeout
 * plus two sweep intervals after its last byte. A connection whose request is with the workers is
 * not silent.
 *
 * <p>{@link #close()} wakes the loop (and interrupts it, so that a handler that sleeps on it gives
 * up); the loop closes every channel it holds and its selector on its way out, and {@code close()}
 * joins it.
 */
public final class EventLoop {

    static final long MAX_SWEEP_INTERVAL_MILLIS = 250;
    static final long JOIN_TIMEOUT_MILLIS = 5_000;

    private static final long MIN_SWEEP_INTERVAL_MILLIS = 10;
    /** Accepts per wakeup at most, so that a burst of connections does not starve the others. */
    private static final int MAX_ACCEPTS_PER_EVENT = 64;

    private final String model;
    private final HttpHandler handler = new Application();
    private final HttpLimits limits;
    private final Workers workers;
    private final long readTimeoutNanos;
    private final long sweepIntervalMillis;
    private final Selector selector;
    private final Thread thread;
    private final Queue<SocketChannel> adopted = new ConcurrentLinkedQueue<>();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final Consumer<SelectionKey> onReady = this::onReady; // one object, not one per select

    private volatile boolean closing;
    private boolean started;
    private ServerSocketChannel listener;
    private SelectionKey listenerKey;
    private boolean acceptPaused;
    private long nextSweep;

    /**
     * Opens the loop's selector; its thread, from {@code threads}, starts with {@link #start()}.
     *
     * @param workers where the application runs, or {@code null} for the loop itself
     */
    public EventLoop(String model, ThreadFactory threads, ServerConfig config, Workers workers) throws IOException {
        this.model = model;
        this.limits = config.limits();
        this.workers = workers;
        this.readTimeoutNanos = config.readTimeout().toNanos();
        this.sweepIntervalMillis = Math.clamp(config.readTimeout().toMillis() / 4,
                MIN_SWEEP_INTERVAL_MILLIS, MAX_SWEEP_INTERVAL_MILLIS);
        this.selector = Selector.open();
        this.thread = threads.newThread(this::run);
    }

    /** Makes the loop accept from {@code listener}, which it then closes with itself; before {@link #start()}. */
    public void accept(ServerSocketChannel listener) throws IOException {
        listener.configureBlocking(false);
        this.listener = listener;
        this.listenerKey = listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    /** Starts the loop's thread. */
    public synchronized void start() {
        started = true;
        thread.start();
    }

    /**
     * Hands the loop a connection accepted elsewhere; from any thread, before {@link #close()}. The
     * loop serves it from its next wakeup, and closes it if it is closed first.
     */
    public void adopt(SocketChannel channel) {
        adopted.add(channel);
        wakeup();
    }

    /** Runs {@code task} on the loop at its next wakeup; from any thread. Dropped once the loop is closed. */
    void execute(Runnable task) {
        tasks.add(task);
        wakeup();
    }

    /** Stops the loop, closes every connection it holds, and joins its thread. */
    public void close() {
        closing = true;
        synchronized (this) {
            if (!started) {
                closeQuietly(listener);
                closeQuietly(selector);
                return;
            }
        }
        selector.wakeup();
        thread.interrupt();
        try {
            thread.join(JOIN_TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            System.err.println("concbench: " + model + ": the event loop did not stop within "
                    + JOIN_TIMEOUT_MILLIS + " ms");
        }
    }

    HttpHandler handler() {
        return handler;
    }

    HttpLimits limits() {
        return limits;
    }

    /** The loop's workers, or {@code null} when the application runs on the loop. */
    Workers workers() {
        return workers;
    }

    boolean closing() {
        return closing;
    }

    private void wakeup() {
        if (wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    private void run() {
        nextSweep = System.nanoTime();
        try {
            while (!closing) {
                selector.select(onReady, sweepIntervalMillis);
                wakeupPending.set(false);
                runTasks();
                long now = System.nanoTime();
                if (now - nextSweep >= 0) {
                    sweep(now);
                    nextSweep = now + TimeUnit.MILLISECONDS.toNanos(sweepIntervalMillis);
                }
            }
        } catch (IOException e) {
            if (!closing) {
                ServerThreads.reportBug("the " + model + " event loop", e);
            }
        } finally {
            for (SelectionKey key : selector.keys()) {
                closeQuietly(key.channel());
            }
            adopted.forEach(Closeables::closeQuietly);
            closeQuietly(listener);
            closeQuietly(selector);
        }
    }

    private void runTasks() {
        for (SocketChannel channel; (channel = adopted.poll()) != null; ) {
            register(channel);
        }
        for (Runnable task; (task = tasks.poll()) != null; ) {
            task.run();
        }
    }

    private void onReady(SelectionKey key) {
        if (key.attachment() instanceof SelectorConnection connection) {
            connection.onReady(key.readyOps());
        } else {
            acceptSome();
        }
    }

    private void acceptSome() {
        for (int i = 0; i < MAX_ACCEPTS_PER_EVENT; i++) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (IOException e) {
                if (!closing) { // e.g. out of descriptors: stop accepting until the next sweep
                    System.err.println("concbench: " + model + ": accept failed: " + e.getMessage());
                    listenerKey.interestOps(0);
                    acceptPaused = true;
                }
                return;
            }
            if (channel == null) {
                return;
            }
            register(channel);
        }
    }

    private void register(SocketChannel channel) {
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
            key.attach(new SelectorConnection(channel, key, this, System.nanoTime()));
        } catch (IOException e) {
            closeQuietly(channel); // the peer went away before it was registered
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
