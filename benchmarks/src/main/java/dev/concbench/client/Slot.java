package dev.concbench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One of the run's connections (in close mode: one concurrent user, opening a connection per
 * request): issues its requests when they are due ({@link Requests}) and may be sent, connects and
 * reconnects, and gives up after too many failures in a row ({@link Retries}). Its
 * {@link RequestWriter} sends the requests, its {@link ResponseReader} reads the answers; every
 * request ends in exactly one outcome, settled by its {@link Requests}. Confined to its event
 * loop; not thread-safe.
 */
final class Slot {

    private final Run run;
    private final RunPlan plan;
    private final LoopWorker worker;
    private final Bootstrap bootstrap;
    /** The slot's number in the run; staggers its open-loop schedule against the others'. */
    private final int index;

    private final Requests requests;
    private final RequestWriter writer;
    private final ResponseReader reader;
    private final Retries retries;

    private Channel channel;
    private boolean connecting;
    private boolean started;
    private boolean finished;

    // The re-entrancy guard of pump().
    private boolean pumping;
    private boolean pumpAgain;

    private ScheduledFuture<?> wakeTimer;
    private ScheduledFuture<?> retryTimer;

    private final Runnable wakeTask;
    private final Runnable retryTask;
    private final ChannelFutureListener connectListener;
    private final ChannelFutureListener preconnectListener;

    Slot(Run run, LoopWorker worker, int index) {
        this.run = run;
        this.plan = run.plan();
        this.worker = worker;
        this.index = index;
        this.requests = new Requests(worker, plan, run.window());
        this.writer = new RequestWriter(run, worker, plan.slowSend(), LoopTasks.listener(run, this::written));
        this.reader = new ResponseReader(this, run, worker, requests, writer);
        this.bootstrap = worker.bootstrap().clone().handler(reader);
        this.retries = new Retries(plan.maxConsecutiveFailures());
        this.wakeTask = LoopTasks.task(run, () -> {
            wakeTimer = null;
            pump();
        });
        this.retryTask = LoopTasks.task(run, () -> {
            retryTimer = null;
            pump();
        });
        this.connectListener = LoopTasks.listener(run, this::connected);
        this.preconnectListener = future -> {
            try {
                preconnected(future);
            } catch (RuntimeException | Error e) {
                run.bug(e);
            } finally {
                run.slotPreconnected();
            }
        };
    }

    /** Read by the run once every slot has finished. */
    ConnectionFairness fairness() {
        return requests.fairness();
    }

    /**
     * On the loop, before the run's clock starts (keep-alive mode): opens the connection, so that
     * connecting, and the first use of the transport's code, are not part of the measurement. A
     * failure here is not counted; the connection is tried again, and counted, once started.
     */
    void preconnect() {
        connecting = true;
        bootstrap.connect(plan.target()).addListener(preconnectListener);
    }

    /** On the loop, at the start of the run, once its clock has started. */
    void start() {
        Window window = run.window();
        requests.start(window, plan.pacing(index, window.startNanos()));
        started = true;
        pump();
    }

    /** On the loop: the measurement ended at {@code endNanos}; settles what is left and finishes. */
    void stop(long endNanos) {
        if (finished) {
            return;
        }
        requests.stop(endNanos);
        finish(endNanos);
    }

    /** On the loop, from the worker's sweep: fails the connection if its oldest request waited too long. */
    void checkTimeout(long now) {
        if (!finished && channel != null && requests.inFlight() > 0
                && now - requests.oldestSentNanos() >= plan.timeoutNanos()) {
            connectionLost(ErrorKind.TIMEOUT, "no response within " + TimeUnit.NANOSECONDS.toMillis(plan.timeoutNanos()) + " ms");
            pump();
        }
    }

    // ---------------------------------------------------------------- issuing requests

    /**
     * Issues whatever may be issued now: connects, sends due requests, or arms a timer for the
     * next. Events raised while it runs (a write failing at once) ask it to go round again rather
     * than re-entering it.
     */
    void pump() {
        if (pumping) {
            pumpAgain = true;
            return;
        }
        pumping = true;
        try {
            do {
                pumpAgain = false;
                pumpOnce();
            } while (pumpAgain);
        } finally {
            pumping = false;
        }
    }

    private void pumpOnce() {
        if (!started || finished || retryTimer != null) {
            return;
        }
        if (plan.closeMode()) {
            pumpConnectionPerRequest();
            return;
        }
        long now = System.nanoTime();
        if (channel == null) {
            if (requests.inFlight() == 0 && run.budgetSpent()) {
                finish(now);
            } else if (!connecting) {
                connect();
            }
            return;
        }
        boolean wrote = false;
        Channel ch = channel;
        while (channel == ch && !requests.pipelineFull()) {
            long due = requests.nextDueNanos(now);
            if (due > now) {
                armWake(due - now);
                break;
            }
            if (!run.admit(due)) {
                finishIfSpent(now);
                break;
            }
            requests.issue(due, now);
            writer.write();
            wrote = true;
        }
        if (wrote) {
            writer.flush();
        }
    }

    private void pumpConnectionPerRequest() {
        if (requests.inFlight() > 0 || connecting) {
            return;
        }
        long now = System.nanoTime();
        long due = requests.nextDueNanos(now);
        if (due > now) {
            armWake(due - now);
            return;
        }
        if (!run.admit(due)) {
            finishIfSpent(now);
            return;
        }
        requests.issue(due, now); // measured from the start of the connect
        connect();
    }

    private void connect() {
        connecting = true;
        bootstrap.connect(plan.target()).addListener(connectListener);
    }

    private void connected(ChannelFuture future) {
        connecting = false;
        Channel connected = future.channel();
        if (finished) {
            connected.close();
            return;
        }
        if (!future.isSuccess()) {
            connectFailed(future.cause());
            return;
        }
        attach(connected);
        if (plan.closeMode()) {
            writer.write();
            writer.flush();
        } else {
            pump();
        }
    }

    private void preconnected(ChannelFuture future) {
        if (started) {
            connected(future); // the run did not wait for this one
            return;
        }
        connecting = false;
        if (finished) {
            future.channel().close();
        } else if (future.isSuccess()) {
            attach(future.channel());
        }
    }

    private void attach(Channel connected) {
        requests.ready(System.nanoTime());
        channel = connected;
        reader.reset();
        writer.attach(connected);
    }

    private void connectFailed(Throwable cause) {
        long now = System.nanoTime();
        String message = ErrorKind.messageOf(cause);
        if (requests.inFlight() > 0) {
            requests.failAll(ErrorKind.CONNECT, message, now); // close mode: the request it was for
        } else {
            requests.unattributedError(ErrorKind.CONNECT, message, now);
        }
        afterFailure(now);
    }

    private void written(ChannelFuture future) {
        if (finished || future.channel() != channel) {
            return;
        }
        if (future.isSuccess()) {
            writer.written();
        } else {
            connectionLost(ErrorKind.WRITE, ErrorKind.messageOf(future.cause()));
            pump();
        }
    }

    // ---------------------------------------------------------------- connection state

    /** Whether events of {@code connection} still matter: it is this slot's, and the slot has not finished. */
    boolean isCurrent(Channel connection) {
        return !finished && connection == channel;
    }

    /** A response was settled; the connection is let go unless it {@code canCarryMore} requests. */
    void answered(boolean canCarryMore) {
        retries.answered();
        if (!canCarryMore) {
            dropConnection();
        }
    }

    /**
     * The connection failed with requests in flight: each of them fails with this kind, the
     * connection is closed, and a new one is tried after a short backoff, unless this connection
     * has failed too often in a row.
     */
    void connectionLost(ErrorKind kind, String message) {
        long now = System.nanoTime();
        boolean requestsLost = requests.inFlight() > 0;
        requests.failAll(kind, message, now);
        dropConnection();
        if (requestsLost) {
            afterFailure(now);
        }
    }

    /** Lets go of the current connection (closing it) without counting anything. */
    void dropConnection() {
        Channel ch = channel;
        channel = null;
        writer.detach();
        reader.reset();
        if (requests.inFlight() > 0) {
            // A response that asked to close came with more requests pipelined behind it.
            requests.failAll(ErrorKind.READ, "the server closed the connection with requests outstanding", System.nanoTime());
        }
        if (ch != null) {
            ch.close();
        }
    }

    private void afterFailure(long now) {
        long backoff = retries.failed();
        if (backoff == Retries.GIVE_UP) {
            requests.fairness().gaveUp();
            finish(now);
            return;
        }
        retryTimer = worker.loop().schedule(retryTask, backoff, TimeUnit.NANOSECONDS);
    }

    private void finishIfSpent(long now) {
        if (requests.inFlight() == 0 && run.budgetSpent()) {
            finish(now);
        }
    }

    private void finish(long now) {
        if (finished) {
            return;
        }
        finished = true;
        LoopTasks.cancel(wakeTimer);
        LoopTasks.cancel(retryTimer);
        wakeTimer = null;
        retryTimer = null;
        writer.detach();
        Channel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
        worker.slotFinished(now);
    }

    private void armWake(long delayNanos) {
        if (wakeTimer == null) {
            wakeTimer = worker.loop().schedule(wakeTask, delayNanos, TimeUnit.NANOSECONDS);
        }
    }
}
