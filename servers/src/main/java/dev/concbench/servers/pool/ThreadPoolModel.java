package dev.concbench.servers.pool;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;

/** Registers {@link ThreadPoolServer} as {@code pool}. */
public final class ThreadPoolModel implements ServerModel {

    static final String NAME = "pool";
    static final int DEFAULT_WORKERS = 200;

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
        return "an acceptor and a fixed pool of platform threads, one connection per thread at a time";
    }

    @Override
    public String workersMeaning() {
        return "pool threads";
    }

    @Override
    public int defaultWorkers() {
        return DEFAULT_WORKERS;
    }

    @Override
    public Server create(ServerConfig config) {
        return new ThreadPoolServer(config, config.workersOr(DEFAULT_WORKERS));
    }
}
