package dev.concbench.servers.process;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerReport;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.app.Application;
import dev.concbench.servers.posix.ChildReaper;
import dev.concbench.servers.posix.ConnectedSocket;
import dev.concbench.servers.posix.Descriptor;
import dev.concbench.servers.posix.Lifeline;
import dev.concbench.servers.workerjvm.ChildProcessServer;
import dev.concbench.servers.workerjvm.ConnectionWorker;
import dev.concbench.servers.workerjvm.WorkerJvmOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Process per request, the blog's forking server done the way the JVM can: one acceptor thread
 * accepts a connection and spawns a fresh JVM ({@link ConnectionWorker}) with the connected socket
 * as its standard input and output; the child reads the request from the socket and writes the
 * response to it itself, then exits. The parent closes its own copy of the socket as soon as the
 * child is spawned — the blog's lesson: otherwise every connection leaks a descriptor and the
 * client never sees the connection close.
 *
 * <p>At most {@code workers} children live at once (64 by default); at the cap the acceptor stops
 * accepting and new connections wait in the listen backlog. Every child is reaped as soon as it
 * exits; one still alive after the read timeout, plus the longest request the application may
 * take, plus {@link #START_AND_DRAIN_MARGIN}, is killed. The server reports the children spawned
 * and the time from spawn to exit.
 */
public final class ProcessPerRequestServer extends ChildProcessServer {

    /** Time for a child to start, and for a slow client to take the response. */
    static final Duration START_AND_DRAIN_MARGIN = Duration.ofSeconds(10);

    private static final long JOIN_TIMEOUT_MILLIS = 5_000;
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 10;

    private final int maxChildren;
    private final Duration childDeadline;
    private final Semaphore freeChildren;
    private final AtomicLong spawned = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Histogram spawnToExitMicros = new Histogram(3); // guarded by itself
    private Thread acceptor;

    public ProcessPerRequestServer(ServerConfig config) {
        this(config, WorkerJvmOptions.defaults(), config.readTimeout()
                .plusMillis(Application.MAX_SLEEP_MS).plus(START_AND_DRAIN_MARGIN));
    }

    /**
     * @param childDeadline how long a child may live before it is killed as hung
     */
    ProcessPerRequestServer(ServerConfig config, WorkerJvmOptions jvmOptions, Duration childDeadline) {
        super(ProcessModel.NAME, config, jvmOptions);
        this.maxChildren = config.workersOr(ProcessModel.DEFAULT_MAX_CHILDREN);
        this.childDeadline = childDeadline;
        this.freeChildren = new Semaphore(maxChildren);
    }

    @Override
    protected void startWorkers() {
        acceptor = ServerThreads.platform(ProcessModel.NAME, "acceptor").newThread(this::acceptLoop);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closing()) {
            try {
                freeChildren.acquire();
            } catch (InterruptedException e) {
                return;
            }
            try (Descriptor connection = listener().accept()) {
                // The child gets the socket as descriptors 0 and 1; ours closes when this block ends.
                ConnectedSocket.prepareForChild(connection.number(), config.readTimeout());
                spawn(ConnectionWorker.class, Map.of(0, connection.number(), 1, connection.number()), childDeadline);
                spawned.incrementAndGet();
            } catch (IOException e) {
                freeChildren.release();
                if (closing()) {
                    return;
                }
                System.err.println("concbench: process: cannot serve a connection: " + e.getMessage());
                pause();
            }
        }
    }

    @Override
    protected void stopWorkers() throws InterruptedException {
        if (acceptor != null) {
            acceptor.interrupt();
            acceptor.join(JOIN_TIMEOUT_MILLIS);
        }
    }

    @Override
    protected void childExited(ChildReaper.Exit exit) {
        freeChildren.release();
        synchronized (spawnToExitMicros) {
            spawnToExitMicros.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(exit.lifetime().toNanos())));
        }
        if (closing()) {
            return;
        }
        if (exit.overdue() || (exit.exitCode() != 0 && exit.exitCode() != Lifeline.PARENT_GONE_STATUS)) {
            failed.incrementAndGet();
            System.err.println("concbench: process: child " + exit.pid() + " " + exit.describe());
        }
    }

    @Override
    public ServerReport report() {
        Double medianMs = null;
        Double p99Ms = null;
        synchronized (spawnToExitMicros) {
            if (spawnToExitMicros.getTotalCount() > 0) {
                medianMs = spawnToExitMicros.getValueAtPercentile(50) / 1000.0;
                p99Ms = spawnToExitMicros.getValueAtPercentile(99) / 1000.0;
            }
        }
        return ServerReport.childProcesses(maxChildren, spawned.get(), liveChildren(), failed.get(), medianMs, p99Ms,
                workerCacheState());
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(PAUSE_AFTER_FAILURE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
