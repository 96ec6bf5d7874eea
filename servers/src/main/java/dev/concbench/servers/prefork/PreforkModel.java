package dev.concbench.servers.prefork;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;

/** Registers {@link PreforkServer} as {@code prefork}. */
public final class PreforkModel implements ServerModel {

    static final String NAME = "prefork";

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
        return "worker processes share the listening socket, each serving one connection at a time (Apache prefork)";
    }

    @Override
    public String workersMeaning() {
        return "worker processes";
    }

    /** One worker process per core. */
    @Override
    public int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Server create(ServerConfig config) {
        return new PreforkServer(config, config.workersOr(defaultWorkers()));
    }
}
