package dev.concbench.servers.blocking;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;

/** The live threads of a thread-per-connection model, so that closing can interrupt and join them. */
public final class ConnectionThreads {

    private final ThreadFactory factory;
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();

    public ConnectionThreads(ThreadFactory factory) {
        this.factory = factory;
    }

    /** Starts a thread running {@code task}; it is forgotten when the task ends. */
    public void start(Runnable task) {
        Thread thread = factory.newThread(() -> {
            try {
                task.run();
            } finally {
                live.remove(Thread.currentThread());
            }
        });
        live.add(thread);
        thread.start();
    }

    /** Interrupts every live thread and waits up to {@code timeoutMillis} for each to end. */
    public void interruptAndJoin(long timeoutMillis) throws InterruptedException {
        live.forEach(Thread::interrupt);
        for (Thread thread : live) {
            thread.join(timeoutMillis);
        }
    }
}
