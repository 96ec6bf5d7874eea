package dev.concbench.servers.netty;

import dev.concbench.servers.ConnectionPolicy;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.http.HttpException;
import dev.concbench.servers.http.HttpHandler;
import dev.concbench.servers.http.HttpLimits;
import dev.concbench.servers.http.HttpRequest;
import dev.concbench.servers.http.HttpResponse;
import dev.concbench.servers.http.RequestRules;
import dev.concbench.servers.http.ResponseEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * The last handler of a Netty connection, after Netty's HTTP codec: checks each request head
 * with our rules, sends {@code 100 Continue} when asked unless the whole body came in the same read
 * as the head (as our models: that client waits for nothing), collects the body up to
 * {@link HttpLimits#maxBodyBytes()}, runs the application on the event loop and writes its answer
 * (flushed once per read, so pipelined answers share a write). A request that breaks the rules, or
 * an answer that closes the connection, ends with a lingering close like our models': half-close,
 * discard what the client still sends until it closes or {@link ConnectionPolicy#LINGER} passes, then close.
 * One instance per connection; confined to its event loop.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final byte[] NO_BODY = new byte[0];

    private enum Phase {
        /** Waiting for a request head. */
        HEAD,
        /** Collecting the body of {@link #head}. */
        BODY,
        /** The last answer is written or being written; whatever arrives is discarded. */
        CLOSING
    }

    private final HttpHandler application;
    private final HttpLimits limits;
    private Phase phase = Phase.HEAD;
    private Messages.Head head;
    private byte[] body = NO_BODY;
    private int bodyLength;
    /** {@code 100 Continue} is owed unless the whole body arrives in the same read as the head. */
    private boolean continuePending;
    private ScheduledFuture<?> lingerTimeout;

    ConnectionHandler(HttpHandler application, HttpLimits limits) {
        this.application = application;
        this.limits = limits;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        try {
            if (phase == Phase.HEAD && message instanceof io.netty.handler.codec.http.HttpRequest request) {
                onHead(ctx, request);
            }
            if (phase == Phase.BODY && message instanceof HttpContent content) {
                onContent(ctx, content);
            }
        } finally {
            ReferenceCountUtil.release(message);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (continuePending) { // the body did not come with the head: the client waits for this
            continuePending = false;
            ctx.write(Messages.continueResponse(), ctx.voidPromise());
        }
        ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close(); // silent for the read timeout: nothing to answer
        } else if (event instanceof ChannelInputShutdownEvent) {
            // The client half-closed (the channel allows it, see NettyServer): close once the answers
            // to what it sent are written. Closing at once would cancel an answer still in flight on
            // io_uring, whose writes complete later; epoll's are written by now.
            ChannelOutboundBuffer unwritten = ctx.channel().unsafe().outboundBuffer();
            if (unwritten == null || unwritten.totalPendingWriteBytes() == 0) { // flushed or not
                ctx.close();
            } else {
                ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            }
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (lingerTimeout != null) {
            lingerTimeout.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof IOException) && !(cause instanceof DecoderException)) {
            ServerThreads.reportBug("the netty connection handler", cause);
        }
        ctx.close(); // a reset or broken pipe, or a peer the codec gave up on
    }

    private void onHead(ChannelHandlerContext ctx, io.netty.handler.codec.http.HttpRequest request) {
        if (truncated(request)) {
            return;
        }
        if (request.decoderResult().isFailure()) {
            reject(ctx, Messages.rejectedHead(request, request.decoderResult().cause(), limits));
            return;
        }
        try {
            head = Messages.head(request, limits);
        } catch (HttpException e) {
            reject(ctx, e);
            return;
        }
        RequestRules.Framing framing = head.framing();
        continuePending = framing.continueRequested();
        body = framing.chunked() || framing.contentLength() == 0 ? NO_BODY : new byte[(int) framing.contentLength()];
        bodyLength = 0;
        phase = Phase.BODY;
    }

    private void onContent(ChannelHandlerContext ctx, HttpContent content) {
        if (truncated(content)) {
            return;
        }
        if (content.decoderResult().isFailure()) {
            reject(ctx, Messages.rejectedBody(content.decoderResult().cause()));
            return;
        }
        ByteBuf data = content.content();
        int n = data.readableBytes();
        if (n > 0) {
            if (bodyLength + n > limits.maxBodyBytes()) { // chunked: a declared length was checked already
                reject(ctx, RequestRules.bodyTooLarge(limits));
                return;
            }
            if (bodyLength + n > body.length) {
                body = Arrays.copyOf(body, Math.min(limits.maxBodyBytes(), Math.max(bodyLength + n, body.length * 2)));
            }
            data.readBytes(body, bodyLength, n);
            bodyLength += n;
        }
        if (content instanceof LastHttpContent) {
            serve(ctx);
        }
    }

    /**
     * Whether the client half-closed in the middle of this request: as our models, it is not
     * answered (the connection closes once the earlier answers are written).
     */
    private boolean truncated(HttpObject message) {
        if (message.decoderResult().cause() instanceof PrematureChannelClosureException) {
            phase = Phase.CLOSING;
            return true;
        }
        return false;
    }

    private void serve(ChannelHandlerContext ctx) {
        Messages.Head complete = head;
        byte[] requestBody = bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength);
        head = null;
        body = NO_BODY;
        phase = Phase.HEAD;
        continuePending = false; // the body came with the head (or before the read ended)
        HttpRequest request = new HttpRequest(complete.method(), complete.target(), complete.split().path(),
                complete.split().query(), complete.version(), complete.headers(), requestBody,
                RequestRules.keepAlive(complete.version(), complete.headers()));
        HttpResponse response = ConnectionPolicy.answer(application, request);
        respond(ctx, request, response, ConnectionPolicy.closesAfter(request, response)
                || ctx.executor().isShuttingDown()); // e.g. a sleep cut short
    }

    private void reject(ChannelHandlerContext ctx, HttpException e) {
        respond(ctx, null, HttpResponse.error(e), true);
    }

    private void respond(ChannelHandlerContext ctx, HttpRequest request, HttpResponse response, boolean close) {
        var answer = Messages.response(request, response, ResponseEncoder.connectionHeader(request, close));
        if (!close) {
            ctx.write(answer, ctx.voidPromise());
            return;
        }
        phase = Phase.CLOSING;
        continuePending = false;
        head = null;
        body = NO_BODY;
        ctx.writeAndFlush(answer).addListener((ChannelFutureListener) this::lingeringClose);
    }

    /** After the last answer is written: half-close, then close when the client does or the linger ends. */
    private void lingeringClose(ChannelFuture written) {
        if (!written.isSuccess() || !(written.channel() instanceof DuplexChannel channel) || !channel.isActive()) {
            written.channel().close();
            return;
        }
        channel.shutdownOutput();
        lingerTimeout = channel.eventLoop().schedule(() -> {
            channel.close();
        }, ConnectionPolicy.LINGER.toNanos(), TimeUnit.NANOSECONDS);
    }
}
