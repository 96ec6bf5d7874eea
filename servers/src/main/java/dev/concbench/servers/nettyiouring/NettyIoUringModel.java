package dev.concbench.servers.nettyiouring;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;
import dev.concbench.servers.netty.NettyServer;
import java.util.Optional;

/**
 * Registers {@code netty-iouring}: the {@code netty} reference on Netty's io_uring transport
 * (completion-based I/O: the kernel reports reads and writes done, not sockets ready), everything
 * else unchanged. Where the kernel, a seccomp filter or the native library refuses io_uring, the
 * model says why ({@link #unavailableReason()}) and its server does not start: it never falls back
 * to epoll under this name.
 */
public final class NettyIoUringModel implements ServerModel {

    static final String NAME = "netty-iouring";
    static final int DEFAULT_EVENT_LOOPS = 1;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.EVENT_LOOP;
    }

    @Override
    public boolean reference() {
        return true;
    }

    @Override
    public String description() {
        return "the reference on io_uring: Netty's io_uring transport and its HTTP codec, the handler on the event loops";
    }

    @Override
    public String workersMeaning() {
        return "event loops";
    }

    @Override
    public int defaultWorkers() {
        return DEFAULT_EVENT_LOOPS;
    }

    @Override
    public Optional<String> unavailableReason() {
        return NettyServer.ioUringUnavailableReason();
    }

    @Override
    public Server create(ServerConfig config) {
        return NettyServer.onIoUring(NAME, config, config.workersOr(DEFAULT_EVENT_LOOPS));
    }
}
