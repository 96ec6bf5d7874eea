package dev.concbench.servers.selector;

import dev.concbench.servers.ServerThreads;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Where an {@link EventLoop} hands the application when it does not run it itself: the workers of
 * an event loop with workers. Each connection has at most one request with the workers at a time
 * (the loop stops reading it meanwhile), so the requests in their hands are bounded by the open
 * connections, and by the pool's size and queue for {@link #pool}.
 */
public interface Workers {

    /**
     * Runs {@code task} on a worker, or refuses it at once.
     *
     * @return false when every worker is busy and the queue is full: the caller answers 503
     */
    boolean offer(Runnable task);

    /** Interrupts the tasks still running (a sleep cut short) and joins every worker thread. */
    void close() throws InterruptedException;

    /**
     * A fixed pool of {@code threads} platform threads ({@code <model>-worker-<n>}) in front of a
     * queue of {@code queued} tasks; a task offered when both are full is refused.
     */
    static Workers pool(String model, int threads, int queued) {
        ThreadFactory named = ServerThreads.platform(model, "worker");
        List<Thread> made = new CopyOnWriteArrayList<>();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queued), task -> {
                    Thread thread = named.newThread(task);
                    made.add(thread);
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        return new Workers() {
            @Override
            public boolean offer(Runnable task) {
                try {
                    pool.execute(task);
                    return true;
                } catch (RejectedExecutionException full) {
                    return false;
                }
            }

            @Override
            public void close() throws InterruptedException {
                pool.shutdownNow();
                pool.awaitTermination(EventLoop.JOIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                for (Thread thread : made) { // termination is signalled just before a worker ends
                    thread.join(EventLoop.JOIN_TIMEOUT_MILLIS);
                }
            }
        };
    }

    /** A new thread from {@code threads} for every task (a virtual thread per request); never refuses. */
    static Workers threadPerTask(ThreadFactory threads) {
        Set<Thread> live = ConcurrentHashMap.newKeySet();
        return new Workers() {
            @Override
            public boolean offer(Runnable task) {
                Thread thread = threads.newThread(() -> {
                    try {
                        task.run();
                    } finally {
                        live.remove(Thread.currentThread());
                    }
                });
                live.add(thread);
                thread.start();
                return true;
            }

            @Override
            public void close() throws InterruptedException {
                live.forEach(Thread::interrupt);
                for (Thread thread : live) {
                    thread.join(EventLoop.JOIN_TIMEOUT_MILLIS);
                }
            }
        };
    }
}
