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
    private final LoopWorker worker;
    private final Bootstrap bootstrap;
    private final ResponseDecoder decoder;
    private final boolean slow;
    /** The slot's number in the run; staggers its open-loop schedule against the others'. */
    private final int index;

    // Requests in flight, oldest first: a ring of intended and actual send times.
    private final long[] intendedNanos;
    private final long[] sentNanos;
    private int head;
    private int inFlight;

    private Channel channel;
    private boolean connecting;
    /** Requests handed to the current connection whose last byte has not been written yet. */
    private int unwritten;
    private int nextPiece;
    private int consecutiveFailures;
    private boolean started;
    private boolean finished;
    private boolean gaveUp;

    // The open loop's schedule: this slot's k-th request is due k connection intervals after its origin.
    private long scheduleIndex;

    // The re-entrancy guard of pump().
    private boolean pumping;
    private boolean pumpAgain;

    private ScheduledFuture<?> wakeTimer;
    private ScheduledFuture<?> pieceTimer;
    private ScheduledFuture<?> retryTimer;

    // Fairness, over the measurement.
    private long answers;
    private long longestWaitNanos;

    private final Runnable wakeTask;
    private final Runnable retryTask;
    private final Runnable pieceTask;
    private final ChannelFutureListener connectListener;
    private final ChannelFutureListener preconnectListener;
    private final ChannelFutureListener writeListener;

    Slot(Run run, LoopWorker worker, int index) {
        this.run = run;
        this.worker = worker;
        this.index = index;
        this.bootstrap = worker.bootstrap().clone().handler(this);
        this.decoder = new ResponseDecoder(run.spec.request().expectsBodylessResponses(), run.check.checksumsBody());
        this.slow = run.slowSend.isSlow();
        this.intendedNanos = new long[run.pipelineDepth];
        this.sentNanos = new long[run.pipelineDepth];
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

    long answers() {
        return answers;
    }

    long longestWaitNanos() {
        return longestWaitNanos;
    }

    boolean gaveUp() {
        return gaveUp;
    }

    /**
     * On the loop, before the run's clock starts (keep-alive mode): opens the connection, so that
     * connecting, and the first use of the transport's code, are not part of the measurement. A
     * failure here is not counted; the connection is tried again, and counted, once started.
     */
    void preconnect() {
        connecting = true;
        bootstrap.connect(run.target).addListener(preconnectListener);
    }

    /** On the loop, at the start of the run. */
    void start() {
        started = true;
        pump();
    }

    /** On the loop: the measurement ended at {@code endNanos}; settles what is left and finishes. */
    void stop(long endNanos) {
        if (finished) {
            return;
        }
        for (int i = 0; i < inFlight; i++) {
            int at = (head + i) % intendedNanos.length;
            settleUnfinished(intendedNanos[at], endNanos);
        }
        inFlight = 0;
        if (run.openLoop) {
            settleDueButUnsent(endNanos);
        }
        finish(endNanos);
    }

    /** On the loop, from the worker's sweep: fails the connection if its oldest request waited too long. */
    void checkTimeout(long now) {
        if (!finished && channel != null && inFlight > 0 && now - sentNanos[head] >= run.timeoutNanos) {
            connectionLost(ErrorKind.TIMEOUT, "no response within " + TimeUnit.NANOSECONDS.toMillis(run.timeoutNanos) + " ms");
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
        if (run.closeMode) {
            pumpConnectionPerRequest();
            return;
        }
        long now = System.nanoTime();
        if (channel == null) {
            if (inFlight == 0 && run.budgetSpent()) {
                finish(now);
            } else if (!connecting) {
                connect();
            }
            return;
        }
        boolean wrote = false;
        Channel ch = channel;
        while (channel == ch && inFlight < intendedNanos.length) {
            long due = run.openLoop ? dueNanos(scheduleIndex) : now;
            if (due > now) {
                armWake(due - now);
                break;
            }
            if (!run.admit(due)) {
                finishIfSpent(now);
                break;
            }
            scheduleIndex++;
            push(due, now);
            write(ch);
            wrote = true;
        }
        if (wrote && !slow) {
            ch.flush();
        }
    }

    private void pumpConnectionPerRequest() {
        if (inFlight > 0 || connecting) {
            return;
        }
        long now = System.nanoTime();
        long due = run.openLoop ? dueNanos(scheduleIndex) : now;
        if (due > now) {
            armWake(due - now);
            return;
        }
        if (!run.admit(due)) {
            finishIfSpent(now);
            return;
        }
        scheduleIndex++;
        push(due, now); // measured from the start of the connect
        connect();
    }

    /** When this slot's {@code k}-th request is due (open loop). */
    private long dueNanos(long k) {
        return run.startNanos + (long) (index * run.aggregateIntervalNanos) + (long) (k * run.connectionIntervalNanos);
    }

    private void connect() {
        connecting = true;
        bootstrap.connect(run.target).addListener(connectListener);
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
        if (run.closeMode) {
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
        if (inFlight > 0) {
            failInFlight(ErrorKind.CONNECT, message, now); // close mode: the request it was for
        } else if (run.inMeasurement(now)) {
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
        boolean last = nextPiece == run.slowSend.pieces();
        ChannelPromise promise = last ? ch.newPromise().addListener(writeListener) : ch.voidPromise();
        ch.writeAndFlush(run.requestPiece(piece), promise);
        if (!last && channel == ch) {
            pieceTimer = worker.loop().schedule(pieceTask, run.slowSend.gap().toNanos(), TimeUnit.NANOSECONDS);
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
            if (run.inMeasurement(now)) {
                worker.bytesRead(in.readableBytes());
            }
            while (in.isReadable() && ctx.channel() == channel) {
                if (inFlight == 0) {
                    if (run.inMeasurement(now)) {
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
            if (inFlight == 0) {
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
        if (inFlight == 0) {
            dropConnection();
        } else {
            connectionLost(unwritten > 0 ? ErrorKind.WRITE : ErrorKind.READ, describe(cause));
        }
        pump();
    }

    // ---------------------------------------------------------------- outcomes

    /** The oldest request in flight got its complete response. */
    private void responded(long now) {
        long intended = intendedNanos[head];
        long sent = sentNanos[head];
        pop();
        consecutiveFailures = 0;
        if (run.inMeasurement(now)) {
            answers++;
        }
        int status = decoder.status();
        if (status != run.check.status()) {
            settle(intended, sent, now, ErrorKind.STATUS,
                    worker.wantsMessage(ErrorKind.STATUS) ? "status " + status + ", expected " + run.check.status() : null);
        } else if (!run.check.bodyMatches(decoder.bodyLength(), decoder.bodyChecksum())) {
            settle(intended, sent, now, ErrorKind.BODY,
                    worker.wantsMessage(ErrorKind.BODY) ? describeBodyMismatch() : null);
        } else {
            settle(intended, sent, now, null, null);
        }
        // A response that came before its request was completely sent leaves the connection in no
        // state to carry another request.
        if (run.closeMode || !decoder.keepAlive() || unwritten > 0) {
            dropConnection();
        }
    }

    /**
     * Settles one request as a success ({@code error == null}) or an error, if it counts: in a
     * timed run, if it ended within the measurement, whenever it was issued (as wrk counts); in a
     * counted run, if it was issued after the warm-up (it is one of the run's N). A request of a
     * timed run that ended after the measurement is unfinished.
     */
    private void settle(long intended, long sent, long now, ErrorKind error, String message) {
        noteWait(intended, now);
        if (!counts(intended, now)) {
            if (error != null) {
                worker.noteMessage(error, message);
            }
            return;
        }
        if (now >= run.measureEndNanos) {
            worker.unfinished(1);
        } else if (error == null) {
            worker.success(now - intended, now - sent);
        } else {
            worker.error(error, message);
        }
    }

    private boolean counts(long intended, long now) {
        return run.counted() ? intended >= run.measureStartNanos : now >= run.measureStartNanos;
    }

    private void settleUnfinished(long intended, long endNanos) {
        noteWait(intended, endNanos);
        if (counts(intended, endNanos)) {
            worker.unfinished(1);
        }
    }

    /** Open loop: requests whose time came before the end but that were never sent. */
    private void settleDueButUnsent(long endNanos) {
        long due = dueNanos(scheduleIndex);
        if (due >= endNanos) {
            return;
        }
        noteWait(due, endNanos);
        long unsent = 0;
        for (long k = scheduleIndex; (due = dueNanos(k)) < endNanos; k++) {
            if (counts(due, endNanos)) {
                unsent++;
            }
        }
        worker.unfinished(unsent);
    }

    /** Keeps the longest wait within the measurement, for the fairness figures. */
    private void noteWait(long intended, long now) {
        long from = Math.max(intended, run.measureStartNanos);
        long to = Math.min(now, run.measureEndNanos);
        if (to - from > longestWaitNanos) {
            longestWaitNanos = to - from;
        }
    }

    private void failInFlight(ErrorKind kind, String message, long now) {
        while (inFlight > 0) {
            long intended = intendedNanos[head];
            long sent = sentNanos[head];
            pop();
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
        boolean requestsLost = inFlight > 0;
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
        if (inFlight > 0) {
            // A response that asked to close came with more requests pipelined behind it.
            failInFlight(ErrorKind.READ, "the server closed the connection with requests outstanding", System.nanoTime());
        }
        if (ch != null) {
            ch.close();
        }
    }

    private void afterFailure(long now) {
        if (consecutiveFailures >= run.maxConsecutiveFailures) {
            gaveUp = true;
            finish(now);
            return;
        }
        long backoff = Math.min(MAX_RETRY_BACKOFF_NANOS, TimeUnit.MILLISECONDS.toNanos(1L << Math.min(consecutiveFailures - 1, 20)));
        retryTimer = worker.loop().schedule(retryTask, backoff, TimeUnit.NANOSECONDS);
    }

    private void finishIfSpent(long now) {
        if (inFlight == 0 && run.budgetSpent()) {
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

    private void push(long intended, long sent) {
        int at = (head + inFlight) % intendedNanos.length;
        intendedNanos[at] = intended;
        sentNanos[at] = sent;
        inFlight++;
    }

    private void pop() {
        head = (head + 1) % intendedNanos.length;
        inFlight--;
    }

    private void armWake(long delayNanos) {
        if (wakeTimer == null) {
            wakeTimer = worker.loop().schedule(wakeTask, delayNanos, TimeUnit.NANOSECONDS);
        }
    }

    private String describeBodyMismatch() {
        StringBuilder message = new StringBuilder("body of ").append(decoder.bodyLength()).append(" bytes");
        if (run.check.bodyLength() != ResponseCheck.ANY) {
            message.append(", expected ").append(run.check.bodyLength());
        }
        if (run.check.checksumsBody()) {
            message.append(String.format(", CRC32C %08x, expected %08x", decoder.bodyChecksum(), run.check.bodyCrc32c()));
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
