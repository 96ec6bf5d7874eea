package dev.concbench.servers.blocking;

import dev.concbench.servers.ServerConfig;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/**
 * A new thread for every accepted connection, serving its requests (keep-alive) with blocking
 * I/O. Unbounded: the number of threads is the number of open connections. The kind of thread is
 * the only thing the {@code thread} (platform) and {@code virtual} models change: the factory.
 * Closing interrupts the live threads and joins them.
 */
public final class ThreadPerConnectionServer extends BlockingServer {

    private final ThreadFactory threads;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    public ThreadPerConnectionServer(String model, ServerConfig config, ThreadFactory threads) {
        super(model, config);
        this.threads = threads;
    }

    @Override
    protected void dispatch(Socket connection) {
        Thread thread = threads.newThread(() -> {
            try {
                serve(connection, Integer.MAX_VALUE);
            } finally {
                live.remove(Thread.currentThread());
            }
        });
        live.add(thread);
        thread.start();
    }

    @Override
    protected void stopWorkers() throws InterruptedException {
        live.forEach(Thread::interrupt);
        for (Thread thread : live) {
            thread.join(JOIN_TIMEOUT_MILLIS);
        }
    }
}
