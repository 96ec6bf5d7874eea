package dev.concbench.client;

import dev.concbench.client.http.MalformedResponseException;
import dev.concbench.client.http.ResponseDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.io.IOException;

/**
 * The only handler in the pipeline of each connection a {@link Slot} opens, one after the other:
 * decodes the responses, settles each with the slot's {@link Requests}, and tells the slot when
 * its connection ends and how (which kind of error, if requests were in flight). Events of a
 * connection the slot has already let go are ignored. Confined to the slot's event loop.
 */
@ChannelHandler.Sharable
final class ResponseReader extends ChannelInboundHandlerAdapter {

    private final Slot slot;
    private final Run run;
    private final LoopWorker worker;
    private final Requests requests;
    private final RequestWriter writer;
    private final ResponseDecoder decoder;
    private final boolean closeMode;

    ResponseReader(Slot slot, Run run, LoopWorker worker, Requests requests, RequestWriter writer) {
        this.slot = slot;
        this.run = run;
        this.worker = worker;
        this.requests = requests;
        this.writer = writer;
        RunPlan plan = run.plan();
        this.decoder = new ResponseDecoder(plan.expectsBodylessResponses(), plan.check().checksumsBody());
        this.closeMode = plan.closeMode();
    }

    /** A new connection, or none: what was decoded so far is forgotten. */
    void reset() {
        decoder.reset();
    }

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
            if (!slot.isCurrent(ctx.channel())) {
                return;
            }
            long now = System.nanoTime();
            if (requests.inMeasurement(now)) {
                worker.bytesRead(in.readableBytes());
            }
            while (in.isReadable() && slot.isCurrent(ctx.channel())) {
                if (requests.inFlight() == 0) {
                    if (requests.inMeasurement(now)) {
                        worker.error(ErrorKind.MALFORMED, "the server sent bytes no request asked for");
                    }
                    slot.dropConnection();
                    break;
                }
                if (!decoder.decode(in)) {
                    break;
                }
                responded(now);
            }
        } catch (MalformedResponseException e) {
            slot.connectionLost(ErrorKind.MALFORMED, e.getMessage());
        } catch (RuntimeException | Error e) {
            run.bug(e);
        } finally {
            in.release();
        }
        slot.pump();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!slot.isCurrent(ctx.channel())) {
            return;
        }
        try {
            if (requests.inFlight() == 0) {
                slot.dropConnection(); // an idle keep-alive connection the server closed
            } else {
                boolean unsent = writer.pending();
                switch (decoder.endOfInput()) {
                    case COMPLETE -> responded(System.nanoTime());
                    case IN_BODY -> slot.connectionLost(unsent ? ErrorKind.WRITE : ErrorKind.BODY,
                            "the server closed the connection in the middle of the body (truncated)");
                    case IN_HEAD -> slot.connectionLost(unsent ? ErrorKind.WRITE : ErrorKind.READ,
                            "the server closed the connection in the middle of the response head");
                    case BETWEEN_RESPONSES -> slot.connectionLost(unsent ? ErrorKind.WRITE : ErrorKind.READ,
                            unsent ? "the server closed the connection before the request was sent"
                                    : "the server closed the connection without responding");
                }
            }
        } catch (RuntimeException | Error e) {
            run.bug(e);
        }
        slot.pump();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException)) {
            run.bug(cause);
        }
        if (!slot.isCurrent(ctx.channel())) {
            ctx.close();
            return;
        }
        if (requests.inFlight() == 0) {
            slot.dropConnection();
        } else {
            slot.connectionLost(writer.pending() ? ErrorKind.WRITE : ErrorKind.READ, ErrorKind.messageOf(cause));
        }
        slot.pump();
    }

    /** The oldest request in flight got its complete response. */
    private void responded(long now) {
        requests.answered(decoder, now);
        // A response that came before its request was completely sent leaves the connection in no
        // state to carry another request.
        slot.answered(!closeMode && decoder.keepAlive() && !writer.pending());
    }
}
