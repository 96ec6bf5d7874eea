package dev.concbench.servers.reactors;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;

/** Registers {@link ReactorsServer} as {@code reactors}. */
public final class ReactorsModel implements ServerModel {

    static final String NAME = "reactors";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.EVENT_LOOP;
    }

    @Override
    public String description() {
        return "one NIO selector per core, the handler on the loops; an acceptor deals connections round-robin";
    }

    @Override
    public String workersMeaning() {
        return "event loops";
    }

    /** One loop per core, as nginx's {@code worker_processes auto} and Netty's default group. */
    @Override
    public int defaultWorkers() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public Server create(ServerConfig config) {
        return new ReactorsServer(config, config.workersOr(defaultWorkers()));
    }
}
