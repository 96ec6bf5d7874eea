package dev.concbench.servers.reactors;

import dev.concbench.servers.Closeables;
import dev.concbench.servers.OneShotServer;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerReport;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.selector.EventLoop;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * One {@link EventLoop} per core, each running the application on its own connections as the
 * {@code selector} model does (nginx's workers, Netty with N loops): the scaling form of
 * {@code selector}. A blocking request holds up only the connections of its loop.
 *
 * <p>An acceptor thread blocks in {@code accept} and deals the connections to the loops in turn.
 * Round-robin rather than one {@code SO_REUSEPORT} listener per loop: the kernel spreads
 * {@code SO_REUSEPORT} connections by a hash of their addresses, which from one client host can
 * load one loop with more than its share, and a listener per loop would make the port an
 * ephemeral one only after a second bind; dealing in turn gives every loop the same number of
 * connections whatever the client.
 *
 * <p>{@link #close()} closes the listener and joins the acceptor first, so no connection is dealt
 * to a closed loop, then closes each loop (its connections with it).
 */
public final class ReactorsServer extends OneShotServer {

    private static final long JOIN_TIMEOUT_MILLIS = 5_000;

    private final ServerConfig config;
    private final EventLoop[] loops;

    private volatile boolean closing;
    private ServerSocketChannel listener;
    private Thread acceptor;

    public ReactorsServer(ServerConfig config, int eventLoops) {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be positive, was " + eventLoops);
        }
        this.config = config;
        this.loops = new EventLoop[eventLoops];
    }

    @Override
    protected InetSocketAddress open() throws IOException {
        listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
        ThreadFactory loopThreads = ServerThreads.platform(ReactorsModel.NAME, "loop");
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new EventLoop(ReactorsModel.NAME, loopThreads, config, null);
            loops[i].start();
        }
        acceptor = ServerThreads.platform(ReactorsModel.NAME, "acceptor").newThread(this::acceptLoop);
        acceptor.start();
        return (InetSocketAddress) listener.getLocalAddress();
    }

    private void acceptLoop() {
        for (int next = 0; !closing; next = (next + 1) % loops.length) {
            SocketChannel channel;
            try {
                channel = listener.accept();
            } catch (ClosedChannelException closed) {
                return;
            } catch (IOException e) {
                if (closing) {
                    return;
                }
                System.err.println("concbench: " + ReactorsModel.NAME + ": accept failed: " + e.getMessage());
                try {
                    TimeUnit.MILLISECONDS.sleep(10); // e.g. out of descriptors: do not spin
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            loops[next].adopt(channel);
        }
    }

    @Override
    public ServerReport report() {
        return ServerReport.eventLoops(loops.length);
    }

    @Override
    protected void release() {
        closing = true;
        Closeables.closeQuietly(listener);
        if (acceptor != null) {
            acceptor.interrupt();
            try {
                acceptor.join(JOIN_TIMEOUT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (EventLoop loop : loops) {
            if (loop != null) {
                loop.close();
            }
        }
    }
}
