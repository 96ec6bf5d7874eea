package dev.concbench.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes a slot's requests on its current connection: each whole, or in the slow-client mode in
 * {@link SlowSend#pieces()} pieces a gap apart. Knows how many requests handed to the connection
 * are not completely written yet. Confined to the slot's event loop.
 */
final class RequestWriter {

    private final Run run;
    private final LoopWorker worker;
    private final SlowSend slowSend;
    private final boolean slow;
    /** Told when a request's last byte was written, or failed to be. */
    private final ChannelFutureListener written;
    private final Runnable pieceTask;

    private Channel channel;
    /** Requests handed to the connection whose last byte has not been written yet. */
    private int unwritten;
    private int nextPiece;
    private ScheduledFuture<?> pieceTimer;

    RequestWriter(Run run, LoopWorker worker, SlowSend slowSend, ChannelFutureListener written) {
        this.run = run;
        this.worker = worker;
        this.slowSend = slowSend;
        this.slow = slowSend.isSlow();
        this.written = written;
        this.pieceTask = LoopTasks.task(run, this::sendNextPiece);
    }

    /** Writes on {@code connection} from now on; nothing is unwritten on it yet. */
    void attach(Channel connection) {
        channel = connection;
        unwritten = 0;
    }

    /** Lets go of the connection: a request still being sent in pieces is abandoned. */
    void detach() {
        channel = null;
        unwritten = 0;
        LoopTasks.cancel(pieceTimer);
        pieceTimer = null;
    }

    /** Whether a request handed to the connection is not completely written yet. */
    boolean pending() {
        return unwritten > 0;
    }

    /** The last byte of the oldest unwritten request was written. */
    void written() {
        unwritten--;
    }

    /** Starts writing one more request; a whole one waits for {@link #flush}. */
    void write() {
        unwritten++;
        if (slow) {
            nextPiece = 0;
            sendNextPiece();
        } else {
            channel.write(run.requestForWrite(), channel.newPromise().addListener(written));
        }
    }

    /** Sends what {@link #write} left in the connection's buffer (pieces are flushed one by one), if it is still there. */
    void flush() {
        if (!slow && channel != null) {
            channel.flush();
        }
    }

    private void sendNextPiece() {
        pieceTimer = null;
        Channel ch = channel;
        if (ch == null || unwritten == 0) {
            return;
        }
        int piece = nextPiece++;
        boolean last = nextPiece == slowSend.pieces();
        ChannelPromise promise = last ? ch.newPromise().addListener(written) : ch.voidPromise();
        ch.writeAndFlush(run.requestPiece(piece), promise);
        if (!last && channel == ch) {
            pieceTimer = worker.loop().schedule(pieceTask, slowSend.gap().toNanos(), TimeUnit.NANOSECONDS);
        }
    }
}
