package dev.concbench.servers.process;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;

/** Registers {@link ProcessPerRequestServer} as {@code process}. */
public final class ProcessModel implements ServerModel {

    static final String NAME = "process";
    static final int DEFAULT_MAX_CHILDREN = 64;

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
        return "a fresh OS process per connection owns the socket (inetd style), serves one request, exits";
    }

    @Override
    public String workersMeaning() {
        return "live child processes at most";
    }

    @Override
    public int defaultWorkers() {
        return DEFAULT_MAX_CHILDREN;
    }

    @Override
    public Server create(ServerConfig config) {
        return new ProcessPerRequestServer(config);
    }
}
