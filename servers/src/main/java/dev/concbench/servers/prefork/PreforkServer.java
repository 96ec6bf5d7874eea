package dev.concbench.servers.prefork;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerReport;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.posix.ChildReaper;
import dev.concbench.servers.posix.Lifeline;
import dev.concbench.servers.workerjvm.ChildProcessServer;
import dev.concbench.servers.workerjvm.WorkerJvmOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prefork, the Apache and gunicorn way: a fixed number of worker JVMs ({@link PreforkWorker}),
 * spawned at start, share the listening socket (each gets it as its standard input) and let the
 * kernel hand each accepted connection to one of them. A worker serves one connection at a time,
 * keep-alive included, so at most {@code workers} connections are served at once; the others wait
 * in the listen backlog. The parent only supervises: a thread replaces any worker that dies
 * (after a growing pause if workers keep dying young, so that a broken worker does not become a
 * fork loop). Workers halt if the parent dies ({@link Lifeline}).
 */
public final class PreforkServer extends ChildProcessServer {

    /** A worker that dies younger than this counts as failing at start. */
    static final Duration YOUNG = Duration.ofSeconds(1);
    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private static final long JOIN_TIMEOUT_MILLIS = 5_000;
    private static final int STANDARD_ERROR = 2;

    private final int workers;
    private final BlockingQueue<ChildReaper.Exit> exits = new LinkedBlockingQueue<>();
    private final AtomicLong spawned = new AtomicLong();
    private final AtomicLong replaced = new AtomicLong();
    private Thread supervisor;

    public PreforkServer(ServerConfig config, int workers) {
        super(PreforkModel.NAME, config, WorkerJvmOptions.defaults());
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        this.workers = workers;
    }

    /** Spawns every worker (without waiting for them to be ready), then starts the supervisor. */
    @Override
    protected void startWorkers() throws IOException {
        for (int i = 0; i < workers; i++) {
            spawnWorker();
        }
        supervisor = ServerThreads.platform(PreforkModel.NAME, "supervisor").newThread(this::replaceWorkersThatDie);
        supervisor.start();
    }

    private void replaceWorkersThatDie() {
        Duration pause = Duration.ZERO;
        int missing = 0;
        while (!closing()) {
            try {
                if (missing == 0) {
                    ChildReaper.Exit exit = exits.take();
                    missing++;
                    pause = exit.lifetime().compareTo(YOUNG) < 0 ? longer(pause) : Duration.ZERO;
                }
                Thread.sleep(pause);
                if (!closing()) {
                    spawnWorker();
                    missing--;
                    replaced.incrementAndGet();
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                System.err.println("concbench: prefork: cannot replace a worker: " + e.getMessage());
                pause = longer(pause);
            }
        }
    }

    /** The pause before the next replacement when workers keep dying young. */
    private static Duration longer(Duration pause) {
        Duration doubled = pause.isZero() ? FIRST_PAUSE : pause.multipliedBy(2);
        return doubled.compareTo(LONGEST_PAUSE) < 0 ? doubled : LONGEST_PAUSE;
    }

    private void spawnWorker() throws IOException {
        // The listening socket as standard input; standard output to our standard error.
        spawn(PreforkWorker.class, Map.of(0, listener().descriptor().number(), 1, STANDARD_ERROR), null);
        spawned.incrementAndGet();
    }

    @Override
    protected void stopWorkers() throws InterruptedException {
        if (supervisor != null) {
            supervisor.interrupt();
            supervisor.join(JOIN_TIMEOUT_MILLIS);
        }
    }

    @Override
    protected void childExited(ChildReaper.Exit exit) {
        if (closing()) {
            return;
        }
        String reason = exit.exitCode() == PreforkWorker.ACCEPT_FAILED ? " (accept failed)" : "";
        System.err.println("concbench: prefork: worker " + exit.pid() + " " + exit.describe() + reason + "; replacing it");
        exits.add(exit);
    }

    @Override
    public ServerReport report() {
        return ServerReport.workerProcesses(workers, liveChildren(), spawned.get(), replaced.get(), workerCacheState());
    }
}
