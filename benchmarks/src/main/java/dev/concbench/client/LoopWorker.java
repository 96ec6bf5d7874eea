package dev.concbench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A run's share of one event loop: its connections and their figures. Everything here is touched
 * only on that loop while the run goes on, so it needs no locks; the run reads the figures after
 * every slot has finished (the finish latch publishes them). Only the two progress counters are
 * read while the run goes on.
 */
final class LoopWorker {

    private static final long MAX_SWEEP_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MIN_SWEEP_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Run run;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final List<Slot> slots = new ArrayList<>();
    private final Histogram latency = Latency.newHistogram();
    private final Histogram uncorrectedLatency = Latency.newHistogram();
    private final Histogram sendLag = Latency.newHistogram();
    private final long[] errors = new long[ErrorKind.values().length];
    private final String[] firstMessages = new String[ErrorKind.values().length];
    private final AtomicLong progressRequests = new AtomicLong();
    private final AtomicLong progressErrors = new AtomicLong();
    private long requests;
    private long errorTotal;
    private long unfinished;
    private long bytesRead;
    private int liveSlots;
    private long lastFinishNanos;
    private ScheduledFuture<?> timeoutSweep;

    LoopWorker(Run run, EventLoop loop, Bootstrap bootstrap) {
        this.run = run;
        this.loop = loop;
        this.bootstrap = bootstrap;
    }

    void add(Slot slot) {
        slots.add(slot);
        liveSlots++;
    }

    EventLoop loop() {
        return loop;
    }

    Bootstrap bootstrap() {
        return bootstrap;
    }

    Run run() {
        return run;
    }

    /** On the loop: opens every connection before the run's clock starts (keep-alive mode). */
    void preconnect() {
        for (Slot slot : slots) {
            slot.preconnect();
        }
    }

    /** On the loop: starts the timeout sweep and every connection. */
    void start() {
        long period = Math.clamp(run.plan().timeoutNanos() / 4, MIN_SWEEP_PERIOD_NANOS, MAX_SWEEP_PERIOD_NANOS);
        timeoutSweep = loop.scheduleAtFixedRate(this::sweepTimeouts, period, period, TimeUnit.NANOSECONDS);
        for (Slot slot : slots) {
            slot.start();
        }
    }

    /** On the loop: ends every connection at this time (the end of a timed measurement). */
    void stop(long endNanos) {
        for (Slot slot : slots) {
            slot.stop(endNanos);
        }
    }

    void slotFinished(long nowNanos) {
        lastFinishNanos = Math.max(lastFinishNanos, nowNanos);
        if (--liveSlots == 0 && timeoutSweep != null) {
            timeoutSweep.cancel(false);
        }
        run.slotFinished();
    }

    private void sweepTimeouts() {
        try {
            long now = System.nanoTime();
            for (Slot slot : slots) {
                slot.checkTimeout(now);
            }
        } catch (RuntimeException | Error e) {
            run.bug(e);
        }
    }

    void success(long latencyNanos, long uncorrectedNanos) {
        Latency.record(latency, latencyNanos);
        Latency.record(uncorrectedLatency, uncorrectedNanos);
        progressRequests.lazySet(++requests);
    }

    /** A request of the measurement was sent this long after it was due and its connection was free. */
    void sentLate(long lagNanos) {
        Latency.record(sendLag, lagNanos);
    }

    /** Whether the first message of this kind is still to be kept (saves building the others). */
    boolean wantsMessage(ErrorKind kind) {
        return firstMessages[kind.ordinal()] == null;
    }

    void error(ErrorKind kind, String message) {
        errors[kind.ordinal()]++;
        noteMessage(kind, message);
        progressErrors.lazySet(++errorTotal);
    }

    /** Keeps the message of an error not counted (warm-up) if it is the first of its kind, for diagnosis. */
    void noteMessage(ErrorKind kind, String message) {
        if (firstMessages[kind.ordinal()] == null && message != null) {
            firstMessages[kind.ordinal()] = message;
        }
    }

    void unfinished(long count) {
        unfinished += count;
    }

    void bytesRead(long count) {
        bytesRead += count;
    }

    long progressRequests() {
        return progressRequests.get();
    }

    long progressErrors() {
        return progressErrors.get();
    }

    Histogram latency() {
        return latency;
    }

    Histogram uncorrectedLatency() {
        return uncorrectedLatency;
    }

    Histogram sendLag() {
        return sendLag;
    }

    long requests() {
        return requests;
    }

    long errors(ErrorKind kind) {
        return errors[kind.ordinal()];
    }

    String firstMessage(ErrorKind kind) {
        return firstMessages[kind.ordinal()];
    }

    long unfinished() {
        return unfinished;
    }

    long bytesRead() {
        return bytesRead;
    }

    long lastFinishNanos() {
        return lastFinishNanos;
    }
}
