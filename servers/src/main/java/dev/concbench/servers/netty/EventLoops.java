package dev.concbench.servers.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelPromise;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.SingleThreadIoEventLoop;
import io.netty.util.concurrent.AbstractEventExecutorGroup;
import io.netty.util.concurrent.DefaultPromise;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.FastThreadLocalThread;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.netty.util.concurrent.Promise;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A fixed set of Netty event loops ({@link SingleThreadIoEventLoop}, as in Netty's own
 * {@code MultiThreadIoEventLoopGroup}), handed out round-robin, whose threads the server can join.
 *
 * <p>Why not {@code MultiThreadIoEventLoopGroup}: it learns that its loops terminated through
 * listeners that Netty runs on its process-wide {@code GlobalEventExecutor}, so closing it starts a
 * {@code globalEventExecutor} thread that outlives the server by a second. Here the group is
 * terminated when the last of its loops' threads ends, and nothing else is started.
 */
final class EventLoops extends AbstractEventExecutorGroup implements IoEventLoopGroup {

    private static final long FAILED_START_TIMEOUT_MILLIS = 5_000;

    private final IoEventLoop[] loops;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    /** Completed by the last loop thread to end; nothing listens to it but callers of Netty's API. */
    private final Promise<Void> terminated = new DefaultPromise<>(GlobalEventExecutor.INSTANCE);
    private final AtomicInteger nextLoop = new AtomicInteger();

    /**
     * Creates {@code count} loops whose threads come from {@code threadFactory}, each given Netty's
     * fast thread-locals as Netty's own threads have.
     */
    EventLoops(int count, ThreadFactory threadFactory, IoHandlerFactory ioHandlerFactory) {
        ThreadFactory tracked = task -> {
            Thread thread = threadFactory.newThread(() -> {
                try {
                    FastThreadLocalThread.runWithFastThreadLocal(task);
                } finally {
                    if (isTerminated()) {
                        terminated.trySuccess(null);
                    }
                }
            });
            threads.add(thread);
            return thread;
        };
        loops = new IoEventLoop[count];
        try {
            for (int i = 0; i < count; i++) {
                loops[i] = new SingleThreadIoEventLoop(this, tracked, ioHandlerFactory);
            }
        } catch (RuntimeException e) {
            try {
                close(FAILED_START_TIMEOUT_MILLIS, FAILED_START_TIMEOUT_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
    }

    /**
     * Shuts every loop down (which closes its channels), interrupts the loops still running after
     * {@code promptMillis} (a handler blocking them), and joins every thread, waiting about
     * {@code timeoutMillis} at most in all.
     *
     * @return whether every thread ended
     */
    boolean close(long promptMillis, long timeoutMillis) throws InterruptedException {
        long start = System.nanoTime();
        shutdownGracefully(0, timeoutMillis, TimeUnit.MILLISECONDS);
        joinAll(start + TimeUnit.MILLISECONDS.toNanos(promptMillis));
        threads.stream().filter(Thread::isAlive).forEach(Thread::interrupt);
        joinAll(start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
        return threads.stream().noneMatch(Thread::isAlive);
    }

    private void joinAll(long deadlineNanos) throws InterruptedException {
        for (Thread thread : threads) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
    }

    @Override
    public IoEventLoop next() {
        return loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
    }

    @Override
    public Iterator<EventExecutor> iterator() {
        return Arrays.<EventExecutor>asList(loops).iterator();
    }

    @Deprecated
    @Override
    public ChannelFuture register(Channel channel, ChannelPromise promise) {
        return next().register(channel, promise);
    }

    @Override
    public Future<?> shutdownGracefully(long quietPeriod, long timeout, TimeUnit unit) {
        for (IoEventLoop loop : loops) {
            if (loop != null) {
                loop.shutdownGracefully(quietPeriod, timeout, unit);
            }
        }
        return terminated;
    }

    @Deprecated
    @Override
    public void shutdown() {
        shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
    }

    @Override
    public Future<?> terminationFuture() {
        return terminated;
    }

    @Override
    public boolean isShuttingDown() {
        return all(EventExecutor::isShuttingDown);
    }

    @Override
    public boolean isShutdown() {
        return all(EventExecutor::isShutdown);
    }

    @Override
    public boolean isTerminated() {
        return all(EventExecutor::isTerminated);
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return terminated.await(timeout, unit);
    }

    private boolean all(Predicate<EventExecutor> test) {
        for (IoEventLoop loop : loops) {
            if (loop != null && !test.test(loop)) {
                return false;
            }
        }
        return true;
    }
}
