package dev.concbench.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The load generator: an asynchronous HTTP/1.1 client on Netty that drives many connections from
 * a few event-loop threads, and measures what the server does with them.
 *
 * <h2>Lifecycle</h2>
 * {@link #create(int)} starts the event-loop threads; {@link #run(LoadSpec)} applies one load and
 * returns its {@link LoadResult}, as often as wanted, one run at a time; {@link #close()} stops the
 * threads. When {@code run} returns, normally or by an exception, every connection it opened is
 * closed and every buffer it took is released; when {@code close} returns, every thread is gone.
 *
 * <h2>Threading</h2>
 * Each connection lives on one event loop for the whole run, and all its accounting is done there
 * without locks; the per-loop figures are merged once, at the end. {@code run} blocks the calling
 * thread for the length of the run. Calling {@code run} while another run is in progress throws.
 *
 * <h2>Failures</h2>
 * Whatever the server does (refuses, resets, stalls, answers garbage) is counted as an error of
 * its {@link ErrorKind} in the result, never thrown. An exception thrown by {@code run} means a
 * wrong argument, an interrupt, or a bug in the client itself.
 */
public final class LoadClient implements AutoCloseable {

    /** How long {@link #close()} waits for each event-loop thread to end after Netty reports it stopped. */
    private static final long THREAD_END_TIMEOUT_MILLIS = 10_000;

    private final MultiThreadIoEventLoopGroup group;
    private final List<EventExecutor> loops;
    private final long[] loopThreadIds;
    private final List<Thread> loopThreads;
    private final ClientTransport transport;
    private final String fallbackReason;
    private final ChannelFactory<? extends Channel> channelFactory;
    private final Set<Channel> openChannels = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean closed;

    private LoadClient(int eventLoops, ClientTransport requested) {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be at least 1, was " + eventLoops);
        }
        boolean epoll = requested == ClientTransport.EPOLL && Epoll.isAvailable();
        this.transport = epoll ? ClientTransport.EPOLL : ClientTransport.NIO;
        this.fallbackReason = requested == ClientTransport.EPOLL && !epoll
                ? String.valueOf(Epoll.unavailabilityCause()) : null;
        IoHandlerFactory ioHandlers = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.channelFactory = epoll ? EpollSocketChannel::new : NioSocketChannel::new;
        this.group = new MultiThreadIoEventLoopGroup(eventLoops,
                new DefaultThreadFactory("concbench-client", true), ioHandlers);
        List<EventExecutor> executors = new ArrayList<>();
        group.forEach(executors::add);
        this.loops = List.copyOf(executors);
        this.loopThreadIds = new long[loops.size()];
        List<Thread> threads = new ArrayList<>();
        try {
            for (int i = 0; i < loops.size(); i++) {
                threads.add(loops.get(i).submit(Thread::currentThread).get());
                loopThreadIds[i] = threads.get(i).threadId();
            }
            this.loopThreads = List.copyOf(threads);
        } catch (InterruptedException | ExecutionException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("could not start the client's event loops", e);
        }
    }

    /** A client with this many event-loop threads on native epoll, or on NIO where epoll does not load. */
    public static LoadClient create(int eventLoops) {
        return new LoadClient(eventLoops, ClientTransport.EPOLL);
    }

    /**
     * A client with this many event-loop threads on the requested transport; {@link ClientTransport#EPOLL}
     * falls back to NIO where it does not load (see {@link #epollUnavailableReason()}).
     */
    public static LoadClient create(int eventLoops, ClientTransport requested) {
        return new LoadClient(eventLoops, requested);
    }

    /** The transport in use. */
    public ClientTransport transport() {
        return transport;
    }

    /** Why epoll was requested but NIO is used; empty when the requested transport is in use. */
    public Optional<String> epollUnavailableReason() {
        return Optional.ofNullable(fallbackReason);
    }

    public int eventLoops() {
        return loops.size();
    }

    /** Connections open right now (zero between runs). */
    public int openConnections() {
        return openChannels.size();
    }

    /** Applies the load and returns what was measured; see the class documentation. */
    public LoadResult run(LoadSpec spec) throws InterruptedException {
        return run(spec, ProgressListener.NONE);
    }

    /**
     * Applies the load, telling {@code listener} about once a second how it goes, and returns what
     * was measured. The listener is called on the calling thread.
     *
     * @throws IllegalStateException if the client is closed or another run is in progress
     */
    public LoadResult run(LoadSpec spec, ProgressListener listener) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("another run is in progress on this client");
        }
        try {
            return new Run(this, spec).execute(listener);
        } finally {
            running.set(false);
        }
    }

    /** Stops the event-loop threads and waits for them to end. Idempotent. */
    @Override
    public void close() {
        closed = true;
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).syncUninterruptibly();
        // Netty completes the termination future just before a loop thread ends: wait for the end.
        boolean interrupted = false;
        for (Thread thread : loopThreads) {
            while (thread.isAlive()) {
                try {
                    thread.join(THREAD_END_TIMEOUT_MILLIS);
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    List<EventExecutor> loops() {
        return loops;
    }

    long[] loopThreadIds() {
        return loopThreadIds;
    }

    ChannelFactory<? extends Channel> channelFactory() {
        return channelFactory;
    }

    Set<Channel> openChannels() {
        return openChannels;
    }

    /** Told about a run's progress about once a second, on the thread that called {@code run}. */
    @FunctionalInterface
    public interface ProgressListener {

        ProgressListener NONE = progress -> { };

        void onProgress(Progress progress);

        /**
         * Told once, on the thread that called {@code run}, when the warm-up has ended and the
         * measured window begins (right away for a run without warm-up); for what must be read at
         * the window's edge, such as the server's CPU time.
         */
        default void onMeasurementStart() {
        }
    }

    /**
     * A run's progress so far.
     *
     * @param elapsed   time since the run started, warm-up included
     * @param warmingUp whether the warm-up is still going on
     * @param requests  successful responses counted in the measurement so far
     * @param errors    errors counted in the measurement so far
     */
    public record Progress(Duration elapsed, boolean warmingUp, long requests, long errors) {
    }
}
