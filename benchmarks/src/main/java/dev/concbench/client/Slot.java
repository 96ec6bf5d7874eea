package dev.concbench.client;

import dev.concbench.client.http.MalformedResponseException;
import dev.concbench.client.http.ResponseDecoder;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One of the run's connections (in close mode: one concurrent user, opening a connection per
 * request), with its request schedule, its requests in flight and its fairness figures. It is the
 * only handler in the pipeline of each channel it opens, one after the other; events of a channel
 * it has already let go are ignored.
 *
 * <p>Every request it issues ends in exactly one outcome, settled in {@link #settle}: a verified
 * response, an error of one kind, or unfinished when the measurement ended. Confined to its event
 * loop; not thread-safe.
 */
@ChannelHandler.Sharable
final class Slot extends ChannelInboundHandlerAdapter {

    private static final long MAX_RETRY_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Run run;
    private final RunPlan plan;
    private final LoopWorker worker;
    private final Bootstrap bootstrap;
    private final ResponseDecoder decoder;
    private final boolean slow;
    /** The slot's number in the run; staggers its open-loop schedule against the others'. */
    private final int index;

    private final InFlight inFlight;

    private Channel channel;
    private boolean connecting;
    /** Requests handed to the current connection whose last byte has not been written yet. */
    private int unwritten;
    private int nextPiece;
    private int consecutiveFailures;
    private boolean started;
    private boolean finished;

    /** The run's clock, known from {@link #start()}. */
    private Window window;
    /** When this slot's requests are due, known from {@link #start()}. */
    private Pacing pacing;
    /** How many requests this slot has issued: the next one is due at {@code pacing.dueNanos(scheduleIndex)}. */
    private long scheduleIndex;

    // The re-entrancy guard of pump().
    private boolean pumping;
    private boolean pumpAgain;

    private ScheduledFuture<?> wakeTimer;
    private ScheduledFuture<?> pieceTimer;
    private ScheduledFuture<?> retryTimer;

    private final ConnectionFairness fairness = new ConnectionFairness();

    private final Runnable wakeTask;
    private final Runnable retryTask;
    private final Runnable pieceTask;
    private final ChannelFutureListener connectListener;
    private final ChannelFutureListener preconnectListener;
    private final ChannelFutureListener writeListener;

    Slot(Run run, LoopWorker worker, int index) {
        this.run = run;
        this.plan = run.plan();
        this.window = run.window();
        this.worker = worker;
        this.index = index;
        this.bootstrap = worker.bootstrap().clone().handler(this);
        this.decoder = new ResponseDecoder(plan.expectsBodylessResponses(), plan.check().checksumsBody());
        this.slow = plan.slowSend().isSlow();
        this.inFlight = new InFlight(plan.pipelineDepth());
        this.wakeTask = guarded(() -> {
            wakeTimer = null;
            pump();
        });
        this.retryTask = guarded(() -> {
            retryTimer = null;
            pump();
        });
        this.pieceTask = guarded(this::sendNextPiece);
        this.connectListener = guarded(this::connected);
        this.preconnectListener = future -> {
            try {
                preconnected(future);
            } catch (RuntimeException | Error e) {
                run.bug(e);
            } finally {
                run.slotPreconnected();
            }
        };
        this.writeListener = guarded(this::written);
    }

    /** Read by the run once every slot has finished. */
    ConnectionFairness fairness() {
        return fairness;
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
        window = run.window();
        pacing = plan.pacing(index, window.startNanos());
        started = true;
        pump();
    }

    /** On the loop: the measurement ended at {@code endNanos}; settles what is left and finishes. */
    void stop(long endNanos) {
        if (finished) {
            return;
        }
        for (int i = 0; i < inFlight.size(); i++) {
            settleUnfinished(inFlight.intendedNanos(i), endNanos);
        }
        inFlight.clear();
        if (started) {
            settleDueButUnsent(endNanos);
        }
        finish(endNanos);
    }

    /** On the loop, from the worker's sweep: fails the connection if its oldest request waited too long. */
    void checkTimeout(long now) {
        if (!finished && channel != null && inFlight.size() > 0 && now - inFlight.oldestSentNanos() >= plan.timeoutNanos()) {
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
    private void pump() {
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
            if (inFlight.size() == 0 && run.budgetSpent()) {
                finish(now);
            } else if (!connecting) {
                connect();
            }
            return;
        }
        boolean wrote = false;
        Channel ch = channel;
        while (channel == ch && !inFlight.isFull()) {
            long due = pacing.dueNanos(scheduleIndex, now);
            if (due > now) {
                armWake(due - now);
                break;
            }
            if (!run.admit(due)) {
                finishIfSpent(now);
                break;
            }
            scheduleIndex++;
            inFlight.push(due, now);
            write(ch);
            wrote = true;
        }
        if (wrote && !slow) {
            ch.flush();
        }
    }

    private void pumpConnectionPerRequest() {
        if (inFlight.size() > 0 || connecting) {
            return;
        }
        long now = System.nanoTime();
        long due = pacing.dueNanos(scheduleIndex, now);
        if (due > now) {
            armWake(due - now);
            return;
        }
        if (!run.admit(due)) {
            finishIfSpent(now);
            return;
        }
        scheduleIndex++;
        inFlight.push(due, now); // measured from the start of the connect
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
        channel = connected;
        decoder.reset();
        unwritten = 0;
        if (plan.closeMode()) {
            write(connected);
            if (!slow) {
                connected.flush();
            }
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
            channel = future.channel();
            decoder.reset();
            unwritten = 0;
        }
    }

    private void connectFailed(Throwable cause) {
        long now = System.nanoTime();
        String message = describe(cause);
        if (inFlight.size() > 0) {
            failInFlight(ErrorKind.CONNECT, message, now); // close mode: the request it was for
        } else if (window.inMeasurement(now)) {
            worker.error(ErrorKind.CONNECT, message);
        } else {
            worker.noteMessage(ErrorKind.CONNECT, message);
        }
        consecutiveFailures++;
        afterFailure(now);
    }

    /** Starts writing the newest request in flight on this connection. */
    private void write(Channel ch) {
        unwritten++;
        if (slow) {
            nextPiece = 0;
            sendNextPiece();
        } else {
            ch.write(run.requestForWrite(), ch.newPromise().addListener(writeListener));
        }
    }

    private void sendNextPiece() {
        pieceTimer = null;
        Channel ch = channel;
        if (finished || ch == null || unwritten == 0) {
            return;
        }
        int piece = nextPiece++;
        boolean last = nextPiece == plan.slowSend().pieces();
        ChannelPromise promise = last ? ch.newPromise().addListener(writeListener) : ch.voidPromise();
        ch.writeAndFlush(run.requestPiece(piece), promise);
        if (!last && channel == ch) {
            pieceTimer = worker.loop().schedule(pieceTask, plan.slowSend().gap().toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private void written(ChannelFuture future) {
        if (finished || future.channel() != channel) {
            return;
        }
        if (future.isSuccess()) {
            unwritten--;
        } else {
            connectionLost(ErrorKind.WRITE, describe(future.cause()));
            pump();
        }
    }

    // ---------------------------------------------------------------- channel events

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        run.track(ctx.channel());
    }

    @Override
    public void channelUnregistered(ChannelHandlerContext ctx) {
        run.untrack(ctx.channel());
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf in = (ByteBuf) msg;
        try {
            if (finished || ctx.channel() != channel) {
                return;
            }
            long now = System.nanoTime();
            if (window.inMeasurement(now)) {
                worker.bytesRead(in.readableBytes());
            }
            while (in.isReadable() && ctx.channel() == channel) {
                if (inFlight.size() == 0) {
                    if (window.inMeasurement(now)) {
                        worker.error(ErrorKind.MALFORMED, "the server sent bytes no request asked for");
                    }
                    dropConnection();
                    break;
                }
                if (!decoder.decode(in)) {
                    break;
                }
                responded(now);
            }
        } catch (MalformedResponseException e) {
            connectionLost(ErrorKind.MALFORMED, e.getMessage());
        } catch (RuntimeException | Error e) {
            run.bug(e);
        } finally {
            in.release();
        }
        pump();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (finished || ctx.channel() != channel) {
            return;
        }
        try {
            if (inFlight.size() == 0) {
                dropConnection(); // an idle keep-alive connection the server closed
            } else {
                switch (decoder.endOfInput()) {
                    case COMPLETE -> responded(System.nanoTime());
                    case IN_BODY -> connectionLost(unwritten > 0 ? ErrorKind.WRITE : ErrorKind.BODY,
                            "the server closed the connection in the middle of the body (truncated)");
                    case IN_HEAD -> connectionLost(unwritten > 0 ? ErrorKind.WRITE : ErrorKind.READ,
                            "the server closed the connection in the middle of the response head");
                    case BETWEEN_RESPONSES -> connectionLost(unwritten > 0 ? ErrorKind.WRITE : ErrorKind.READ,
                            unwritten > 0 ? "the server closed the connection before the request was sent"
                                    : "the server closed the connection without responding");
                }
            }
        } catch (RuntimeException | Error e) {
            run.bug(e);
        }
        pump();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            run.bug(cause);
        }
        if (finished || ctx.channel() != channel) {
            ctx.close();
            return;
        }
        if (inFlight.size() == 0) {
            dropConnection();
        } else {
            connectionLost(unwritten > 0 ? ErrorKind.WRITE : ErrorKind.READ, describe(cause));
        }
        pump();
    }

    // ---------------------------------------------------------------- outcomes

    /** The oldest request in flight got its complete response. */
    private void responded(long now) {
        long intended = inFlight.oldestIntendedNanos();
        long sent = inFlight.oldestSentNanos();
        inFlight.pop();
        consecutiveFailures = 0;
        fairness.answered(window, now);
        int status = decoder.status();
        if (status != plan.check().status()) {
            settle(intended, sent, now, ErrorKind.STATUS,
                    worker.wantsMessage(ErrorKind.STATUS) ? "status " + status + ", expected " + plan.check().status() : null);
        } else if (!plan.check().bodyMatches(decoder.bodyLength(), decoder.bodyChecksum())) {
            settle(intended, sent, now, ErrorKind.BODY,
                    worker.wantsMessage(ErrorKind.BODY) ? describeBodyMismatch() : null);
        } else {
            settle(intended, sent, now, null, null);
        }
        // A response that came before its request was completely sent leaves the connection in no
        // state to carry another request.
        if (plan.closeMode() || !decoder.keepAlive() || unwritten > 0) {
            dropConnection();
        }
    }

    /**
     * Settles one request as a success ({@code error == null}) or an error, if it counts, or as
     * unfinished ({@link Window#counts}, {@link Window#unfinished}).
     */
    private void settle(long intended, long sent, long now, ErrorKind error, String message) {
        fairness.waited(window, intended, now);
        if (!window.counts(intended, now)) {
            if (error != null) {
                worker.noteMessage(error, message);
            }
            return;
        }
        if (window.unfinished(now)) {
            worker.unfinished(1);
        } else if (error == null) {
            worker.success(now - intended, now - sent);
        } else {
            worker.error(error, message);
        }
    }

    private void settleUnfinished(long intended, long endNanos) {
        fairness.waited(window, intended, endNanos);
        if (window.counts(intended, endNanos)) {
            worker.unfinished(1);
        }
    }

    /** Open loop: requests whose time came before the end but that were never sent (none in a closed loop). */
    private void settleDueButUnsent(long endNanos) {
        long due = pacing.dueNanos(scheduleIndex, endNanos);
        if (due >= endNanos) {
            return;
        }
        fairness.waited(window, due, endNanos);
        long unsent = 0;
        for (long k = scheduleIndex; (due = pacing.dueNanos(k, endNanos)) < endNanos; k++) {
            if (window.counts(due, endNanos)) {
                unsent++;
            }
        }
        worker.unfinished(unsent);
    }

    private void failInFlight(ErrorKind kind, String message, long now) {
        while (inFlight.size() > 0) {
            long intended = inFlight.oldestIntendedNanos();
            long sent = inFlight.oldestSentNanos();
            inFlight.pop();
            settle(intended, sent, now, kind, message);
        }
    }

    // ---------------------------------------------------------------- connection state

    /**
     * The connection failed with requests in flight: each of them fails with this kind, the
     * connection is closed, and a new one is tried after a short backoff, unless this connection
     * has failed too often in a row.
     */
    private void connectionLost(ErrorKind kind, String message) {
        long now = System.nanoTime();
        boolean requestsLost = inFlight.size() > 0;
        failInFlight(kind, message, now);
        dropConnection();
        if (requestsLost) {
            consecutiveFailures++;
            afterFailure(now);
        }
    }

    /** Lets go of the current connection (closing it) without counting anything. */
    private void dropConnection() {
        Channel ch = channel;
        channel = null;
        unwritten = 0;
        decoder.reset();
        cancel(pieceTimer);
        pieceTimer = null;
        if (inFlight.size() > 0) {
            // A response that asked to close came with more requests pipelined behind it.
            failInFlight(ErrorKind.READ, "the server closed the connection with requests outstanding", System.nanoTime());
        }
        if (ch != null) {
            ch.close();
        }
    }

    private void afterFailure(long now) {
        if (consecutiveFailures >= plan.maxConsecutiveFailures()) {
            fairness.gaveUp();
            finish(now);
            return;
        }
        long backoff = Math.min(MAX_RETRY_BACKOFF_NANOS, TimeUnit.MILLISECONDS.toNanos(1L << Math.min(consecutiveFailures - 1, 20)));
        retryTimer = worker.loop().schedule(retryTask, backoff, TimeUnit.NANOSECONDS);
    }

    private void finishIfSpent(long now) {
        if (inFlight.size() == 0 && run.budgetSpent()) {
            finish(now);
        }
    }

    private void finish(long now) {
        if (finished) {
            return;
        }
        finished = true;
        cancel(wakeTimer);
        cancel(pieceTimer);
        cancel(retryTimer);
        wakeTimer = null;
        pieceTimer = null;
        retryTimer = null;
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

    private String describeBodyMismatch() {
        StringBuilder message = new StringBuilder("body of ").append(decoder.bodyLength()).append(" bytes");
        if (plan.check().bodyLength() != ResponseCheck.ANY) {
            message.append(", expected ").append(plan.check().bodyLength());
        }
        if (plan.check().checksumsBody()) {
            message.append(String.format(", CRC32C %08x, expected %08x", decoder.bodyChecksum(), plan.check().bodyCrc32c()));
        }
        return message.toString();
    }

    private Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                run.bug(e);
            }
        };
    }

    private ChannelFutureListener guarded(Consumer<ChannelFuture> listener) {
        return future -> {
            try {
                listener.accept(future);
            } catch (RuntimeException | Error e) {
                run.bug(e);
            }
        };
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
