package dev.concbench.servers.workerjvm;

import dev.concbench.servers.OneShotServer;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.posix.ChildReaper;
import dev.concbench.servers.posix.Lifeline;
import dev.concbench.servers.posix.ListeningSocket;
import dev.concbench.servers.posix.ProcessSpawner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part the process-based models share: a native listening socket whose descriptors can be
 * handed to children, worker JVMs spawned with {@code posix_spawn}, a {@link Lifeline} that ends
 * them if this process dies, and a {@link ChildReaper} that reaps every one of them. A model says
 * how its children are started ({@link #startWorkers}), how its own threads stop
 * ({@link #stopWorkers}), and what it does when a child ends ({@link #childExited}).
 *
 * <p>{@link #start()} first prepares the worker JVM (its AOT cache, which takes a few seconds the
 * first time for a class path), then binds. {@link #close()} stops accepting, stops the model's
 * threads, closes the lifeline, then kills and reaps every child that is left.
 */
public abstract class ChildProcessServer extends OneShotServer {

    protected final ServerConfig config;
    private final String model;
    private final WorkerJvmOptions jvmOptions;
    private volatile boolean closing;
    private WorkerJvm jvm;
    private ListeningSocket listener;
    private Lifeline lifeline;
    private ChildReaper reaper;

    protected ChildProcessServer(String model, ServerConfig config, WorkerJvmOptions jvmOptions) {
        this.model = model;
        this.config = config;
        this.jvmOptions = jvmOptions;
    }

    /** Starts the model's threads and first children; called once by {@link #start()}. */
    protected abstract void startWorkers() throws IOException;

    /**
     * Stops and joins the model's threads; called by {@link #close()} after the listening socket
     * stopped accepting and before the children are killed.
     */
    protected abstract void stopWorkers() throws InterruptedException;

    /** Told, on the reaper thread, that a child ended; must be quick. */
    protected abstract void childExited(ChildReaper.Exit exit);

    @Override
    protected final InetSocketAddress open() throws IOException {
        jvm = WorkerJvm.prepare(jvmOptions);
        listener = ListeningSocket.open(new InetSocketAddress(config.host(), config.port()), config.backlog());
        lifeline = Lifeline.open();
        reaper = new ChildReaper(model, this::childExited);
        startWorkers();
        return listener.localAddress();
    }

    @Override
    protected final void release() {
        closing = true;
        if (listener != null) {
            listener.stopAccepting();
        }
        // An interrupt must not cut closing short (it would leave threads and children): it is
        // put aside while the model's threads are joined, and kept.
        boolean interrupted = Thread.interrupted();
        try {
            stopWorkers();
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (lifeline != null) {
            lifeline.close(); // the children halt by themselves...
        }
        if (reaper != null) {
            reaper.close(); // ...and whichever has not yet is killed, then all are reaped
        }
        if (listener != null) {
            listener.close();
        }
    }

    /** Whether {@link #close()} has begun. */
    protected final boolean closing() {
        return closing;
    }

    protected final ListeningSocket listener() {
        return listener;
    }

    /** How many children are alive (spawned and not yet reaped). */
    protected final int liveChildren() {
        return reaper == null ? 0 : reaper.live();
    }

    /** Whether the worker JVMs use an AOT cache, for {@link #report()}. */
    protected final String workerCacheState() {
        return jvm == null ? "not prepared" : jvm.cacheState();
    }

    /**
     * Spawns a worker JVM running {@code mainClass} with this server's {@link WorkerSettings},
     * the lifeline, and {@code descriptors} (its descriptor number to ours), and hands it to the
     * reaper.
     *
     * @param killAfter how long the child may live, or {@code null} for no limit
     * @return the child's pid
     */
    protected final int spawn(Class<?> mainClass, Map<Integer, Integer> descriptors, Duration killAfter)
            throws IOException {
        Map<Integer, Integer> all = new HashMap<>(descriptors);
        all.put(Lifeline.CHILD_DESCRIPTOR, lifeline.childEnd());
        List<String> command = jvm.command(mainClass, WorkerSettings.of(config).toArguments());
        long start = System.nanoTime();
        int pid = ProcessSpawner.spawn(command, jvm.environment(), all);
        reaper.adopt(pid, start, killAfter);
        return pid;
    }
}
