package dev.concbench.servers.netty;

import dev.concbench.servers.OneShotServer;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerReport;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.app.Application;
import dev.concbench.servers.http.HttpHandler;
import dev.concbench.servers.http.HttpLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.channel.ServerChannelRecvByteBufAllocator;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The reference: Netty with its native epoll transport where it loads (NIO otherwise), Netty's own
 * HTTP/1.1 codec (the two halves of {@code HttpServerCodec}: its request decoder, configured with our
 * limits and watched by {@link CheckedRequestDecoder}, and its {@code HttpResponseEncoder}), and the
 * same application, run on the event loops like {@code selector}'s. Nothing else is in the
 * pipeline but an idle timer (the read timeout) and {@link ConnectionHandler}, which applies our
 * rules, collects bodies and translates to and from the application ({@link Messages}), so the
 * answers are byte for byte our models', rejections included. ({@code HttpServerCodec} itself
 * cannot take a decoder subclass; what it adds, pairing responses with HEAD and CONNECT requests to
 * frame their bodies, our answers do not need: they always carry Content-Length, and no body for
 * HEAD.)
 *
 * <p>The event loops (their number is the worker count, 1 by default) accept as well as serve. Their
 * threads are made through {@link ServerThreads} ({@code netty-loop-<n>}, {@code netty-iouring-loop-<n>}); see
 * {@link EventLoops}.
 * {@link #close()} shuts the loops down, which closes every channel, the listening one too (on
 * io_uring the listening one and the connections are closed first); interrupts them if a handler
 * keeps one busy; and joins their threads.
 */
public final class NettyServer extends OneShotServer {

    private static final long CLOSE_TIMEOUT_MILLIS = 5_000;
    /** How long closing waits before interrupting a loop a handler keeps busy (e.g. {@code /sleep}). */
    private static final long PROMPT_STOP_MILLIS = 200;

    private final String model;
    private final ServerConfig config;
    private final int eventLoops;
    private final boolean ioUring;
    private final HttpHandler application = new Application();
    /** The accepted connections still open (a closed one leaves the group by itself). */
    private final ChannelGroup connections = new DefaultChannelGroup("connections", ImmediateEventExecutor.INSTANCE);

    private NettyTransport transport;
    private EventLoops loops;
    private Channel listener;

    /** The {@code netty} model: native epoll where it loads, NIO otherwise. */
    public NettyServer(ServerConfig config, int eventLoops) {
        this(NettyModel.NAME, config, eventLoops, false);
    }

    private NettyServer(String model, ServerConfig config, int eventLoops, boolean ioUring) {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be positive, was " + eventLoops);
        }
        this.model = model;
        this.config = config;
        this.eventLoops = eventLoops;
        this.ioUring = ioUring;
    }

    /**
     * The same server on Netty's io_uring transport, whose {@code start()} fails with
     * {@link #ioUringUnavailableReason()} where io_uring is refused: never a fallback to epoll.
     *
     * @param model the model's name, for its threads ({@code <model>-loop-<n>})
     */
    public static NettyServer onIoUring(String model, ServerConfig config, int eventLoops) {
        return new NettyServer(model, config, eventLoops, true);
    }

    /** Why Netty's io_uring transport cannot run here (kernel, seccomp or native library), in one line. */
    public static Optional<String> ioUringUnavailableReason() {
        return NettyTransport.ioUringUnavailableReason();
    }

    @Override
    protected InetSocketAddress open() throws IOException {
        if (ioUring) {
            Optional<String> unavailable = NettyTransport.ioUringUnavailableReason();
            if (unavailable.isPresent()) {
                throw new IOException(unavailable.get());
            }
        }
        transport = ioUring ? NettyTransport.IO_URING : NettyTransport.best();
        loops = new EventLoops(eventLoops, ServerThreads.platform(model, "loop"), transport.ioHandlerFactory());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(loops)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, config.backlog())
                // drain the accept queue on each wakeup (Netty's default takes 16): a connection
                // left in the queue waits whole rounds of serving the accepted ones
                .option(ChannelOption.RCVBUF_ALLOCATOR,
                        new ServerChannelRecvByteBufAllocator().maxMessagesPerRead(config.backlog()))
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                // a client's half-close reaches ConnectionHandler, which closes once its answers are out
                .childOption(ChannelOption.ALLOW_HALF_CLOSURE, true)
                .childHandler(new Pipeline(application, config, connections));
        ChannelFuture bound = bootstrap.bind(config.host(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw bound.cause() instanceof IOException e ? e : new IOException(bound.cause());
        }
        listener = bound.channel();
        return (InetSocketAddress) listener.localAddress();
    }

    /** {@code transport}: {@code epoll}, {@code nio} or {@code io_uring}, once started. */
    @Override
    public synchronized ServerReport report() {
        return transport == null ? ServerReport.NONE : ServerReport.transport(transport.label());
    }

    @Override
    protected void release() {
        if (loops == null) {
            return;
        }
        if (transport == NettyTransport.IO_URING) {
            // closed first, and awaited (unless a handler keeps a loop busy): io_uring closes
            // through the ring, and a loop shut down with a close still pending leaves that
            // descriptor open: the listener's always, now and then an accepted connection's
            // (its client then waits for an end that never comes)
            if (listener != null) {
                listener.close().awaitUninterruptibly(PROMPT_STOP_MILLIS);
            }
            connections.close().awaitUninterruptibly(PROMPT_STOP_MILLIS);
        }
        try { // shutting a loop down closes its channels
            if (!loops.close(PROMPT_STOP_MILLIS, CLOSE_TIMEOUT_MILLIS)) {
                System.err.println("concbench: " + model + ": the event loops did not stop within " + CLOSE_TIMEOUT_MILLIS
                        + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sets up each accepted connection: idle timer, Netty's codec, our handler. */
    private static final class Pipeline extends ChannelInitializer<Channel> {

        private final HttpHandler application;
        private final HttpLimits limits;
        private final long readTimeoutNanos;
        private final HttpDecoderConfig decoderConfig;
        private final ChannelGroup connections;

        Pipeline(HttpHandler application, ServerConfig config, ChannelGroup connections) {
            this.application = application;
            this.connections = connections;
            this.limits = config.limits();
            this.readTimeoutNanos = config.readTimeout().toNanos();
            this.decoderConfig = new HttpDecoderConfig()
                    .setMaxInitialLineLength(limits.maxRequestLineBytes())
                    .setMaxHeaderSize(limits.maxHeaderBytes())
                    .setAllowDuplicateContentLengths(true); // as our codec: duplicates that agree
        }

        @Override
        protected void initChannel(Channel channel) {
            connections.add(channel);
            channel.pipeline().addLast(
                    // idle = neither read nor write progress, as the selector model's sweep
                    new IdleStateHandler(true, 0, 0, readTimeoutNanos, TimeUnit.NANOSECONDS),
                    new CombinedChannelDuplexHandler<>(new CheckedRequestDecoder(decoderConfig, limits),
                            new HttpResponseEncoder()),
                    new ConnectionHandler(application, limits));
        }
    }
}
