package dev.concbench.servers.pool;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerReport;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.blocking.BlockingServer;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * An acceptor and a fixed pool of platform threads, each serving one connection at a time
 * (keep-alive) with blocking I/O. The acceptor takes a connection only when a worker is free, so
 * the queue in front of the pool is the kernel's listen backlog, never an unbounded Java queue:
 * with every worker busy, new connections are established by the kernel but get no answer until
 * a worker is free.
 */
public final class ThreadPoolServer extends BlockingServer {

    private final int workers;
    private final Semaphore freeWorkers;
    private final List<Thread> poolThreads = new CopyOnWriteArrayList<>();
    private final ExecutorService pool;

    public ThreadPoolServer(ServerConfig config, int workers) {
        super(ThreadPoolModel.NAME, config);
        this.workers = workers;
        this.freeWorkers = new Semaphore(workers);
        ThreadFactory named = ServerThreads.platform(ThreadPoolModel.NAME, "worker");
        this.pool = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = named.newThread(task);
            poolThreads.add(thread);
            return thread;
        });
    }

    @Override
    protected void awaitCapacity() throws InterruptedException {
        freeWorkers.acquire();
    }

    @Override
    protected void dispatch(Socket connection) {
        pool.execute(() -> {
            try {
                serve(connection, Integer.MAX_VALUE);
            } finally {
                freeWorkers.release();
            }
        });
    }

    @Override
    protected void stopWorkers() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(JOIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        for (Thread thread : poolThreads) { // termination is signalled just before a worker ends
            thread.join(JOIN_TIMEOUT_MILLIS);
        }
    }

    @Override
    public ServerReport report() {
        return ServerReport.workers(workers);
    }
}
