package dev.concbench.client;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * Tasks and listeners of a slot on its event loop: guarded, so that a bug of ours reaches the run
 * ({@link Run#bug}) instead of being logged by Netty and ignored; made once per slot, never per
 * request. Their timers are cancelled here too.
 */
final class LoopTasks {

    private LoopTasks() {
    }

    static Runnable task(Run run, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                run.bug(e);
            }
        };
    }

    static ChannelFutureListener listener(Run run, Consumer<ChannelFuture> listener) {
        return future -> {
            try {
                listener.accept(future);
            } catch (RuntimeException | Error e) {
                run.bug(e);
            }
        };
    }

    /** Cancels {@code timer} if there is one. */
    static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
