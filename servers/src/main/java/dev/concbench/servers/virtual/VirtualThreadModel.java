package dev.concbench.servers.virtual;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.blocking.ThreadPerConnectionServer;

/** Registers {@link ThreadPerConnectionServer} with virtual threads as {@code virtual}. */
public final class VirtualThreadModel implements ServerModel {

    static final String NAME = "virtual";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.THREAD_PER_CONNECTION;
    }

    @Override
    public String description() {
        return "a virtual thread per connection, blocking I/O";
    }

    @Override
    public Server create(ServerConfig config) {
        return new ThreadPerConnectionServer(NAME, config, ServerThreads.virtual(NAME, "conn"));
    }
}
