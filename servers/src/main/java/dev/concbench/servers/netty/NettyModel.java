package dev.concbench.servers.netty;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;

/** Registers {@link NettyServer} as {@code netty}. */
public final class NettyModel implements ServerModel {

    static final String NAME = "netty";
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
        return "the reference: Netty (native epoll where available) and its HTTP codec, the handler on the event loops";
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
    public Server create(ServerConfig config) {
        return new NettyServer(config, config.workersOr(DEFAULT_EVENT_LOOPS));
    }
}
