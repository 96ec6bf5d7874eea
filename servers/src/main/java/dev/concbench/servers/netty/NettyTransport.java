package dev.concbench.servers.netty;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Optional;

/**
 * Netty's I/O transport: for {@code netty}, native epoll where it loads (Linux), Java NIO
 * otherwise; for {@code netty-iouring}, io_uring or nothing.
 */
enum NettyTransport {
    EPOLL("epoll"),
    NIO("nio"),
    IO_URING("io_uring");

    /**
     * Netty 4.2.18's io_uring transport, with its multishot {@code POLL_ADD}, leaves the descriptor of
     * a connection reset right behind a partial request open until the read timeout closes it (the
     * leak check saw a quarter of 1,000 such connections held); one-shot polls lose nothing. Netty
     * reads the switch once, when {@code IoUring} loads, so it is set here, before any use of
     * io_uring, unless the user set it.
     */
    private static final String POLL_ADD_MULTISHOT = "io.netty.iouring.pollAddMultishotEnabled";

    static {
        if (System.getProperty(POLL_ADD_MULTISHOT) == null) {
            System.setProperty(POLL_ADD_MULTISHOT, "false");
        }
    }

    private final String label;

    NettyTransport(String label) {
        this.label = label;
    }

    /** Epoll when its native library loads, NIO otherwise. */
    static NettyTransport best() {
        return Epoll.isAvailable() ? EPOLL : NIO;
    }

    /** The name reported by the server, {@code epoll} or {@code nio}. */
    String label() {
        return label;
    }

    /** Why io_uring cannot be used here, in one line; empty when it can. */
    static Optional<String> ioUringUnavailableReason() {
        if (IoUring.isAvailable()) {
            return Optional.empty();
        }
        Throwable cause = IoUring.unavailabilityCause();
        String reason = cause == null ? "unknown" : String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
        return Optional.of("io_uring unavailable: " + (cause == null ? reason : cause.getClass().getSimpleName() + ": " + reason));
    }

    IoHandlerFactory ioHandlerFactory() {
        return switch (this) {
            case EPOLL -> EpollIoHandler.newFactory();
            case NIO -> NioIoHandler.newFactory();
            case IO_URING -> IoUringIoHandler.newFactory();
        };
    }

    Class<? extends ServerChannel> serverChannelType() {
        return switch (this) {
            case EPOLL -> EpollServerSocketChannel.class;
            case NIO -> NioServerSocketChannel.class;
            case IO_URING -> IoUringServerSocketChannel.class;
        };
    }
}
