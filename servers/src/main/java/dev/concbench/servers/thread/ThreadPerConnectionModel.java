package dev.concbench.servers.thread;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.blocking.ThreadPerConnectionServer;

/** Registers {@link ThreadPerConnectionServer} with platform threads as {@code thread}. */
public final class ThreadPerConnectionModel implements ServerModel {

    static final String NAME = "thread";

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
        return "a new platform thread per connection, blocking I/O";
    }

    @Override
    public Server create(ServerConfig config) {
        return new ThreadPerConnectionServer(NAME, config, ServerThreads.platform(NAME, "conn"));
    }
}
