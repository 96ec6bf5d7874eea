package dev.concbench.servers.iterative;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;

/** Registers {@link IterativeServer} as {@code iterative}. */
public final class IterativeModel implements ServerModel {

    static final String NAME = "iterative";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.ONE_AT_A_TIME;
    }

    @Override
    public String description() {
        return "one thread: accept, serve one request, close, repeat";
    }

    @Override
    public Server create(ServerConfig config) {
        return new IterativeServer(config);
    }
}
