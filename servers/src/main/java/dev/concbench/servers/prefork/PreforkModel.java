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

    /** gunicorn's (2 &times; cores) + 1 (see the package doc); {@code --threads N} sets another count. */
    @Override
    public int defaultWorkers() {
        return defaultWorkers(Runtime.getRuntime().availableProcessors());
    }

    static int defaultWorkers(int cores) {
        return 2 * cores + 1;
    }

    @Override
    public Server create(ServerConfig config) {
        return new PreforkServer(config, config.workersOr(defaultWorkers()));
    }
}
