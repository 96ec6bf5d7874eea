package dev.concbench.servers;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place where models make threads: every thread is named after its model and role
 * ({@code pool-worker-3}) and reports an uncaught exception, which is a bug, on standard error.
 */
public final class ServerThreads {

    private static final Thread.UncaughtExceptionHandler REPORT_BUG = (thread, error) -> {
        System.err.println("concbench: bug: uncaught exception in thread " + thread.getName());
        error.printStackTrace();
    };

    private ServerThreads() {
    }

    /** Platform threads named {@code <model>-<role>-<n>}, n counting from 0. */
    public static ThreadFactory platform(String model, String role) {
        // Counted here rather than by the builder's factory, whose VarHandle costs a JVM that
        // lives for one request (a process-model worker) a class generated at run time.
        String prefix = model + "-" + role + "-";
        AtomicInteger count = new AtomicInteger();
        return task -> Thread.ofPlatform().name(prefix + count.getAndIncrement())
                .uncaughtExceptionHandler(REPORT_BUG).unstarted(task);
    }

    /** Virtual threads named {@code <model>-<role>-<n>}, n counting from 0. */
    public static ThreadFactory virtual(String model, String role) {
        return Thread.ofVirtual().name(model + "-" + role + "-", 0).uncaughtExceptionHandler(REPORT_BUG).factory();
    }

    /** Reports a bug caught where no uncaught-exception handler would see it. */
    public static void reportBug(String where, Throwable error) {
        System.err.println("concbench: bug in " + where + ": " + error);
        error.printStackTrace();
    }
}
