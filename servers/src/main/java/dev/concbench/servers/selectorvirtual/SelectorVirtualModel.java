package dev.concbench.servers.selectorvirtual;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.selector.SelectorServer;
import dev.concbench.servers.selector.Workers;

/**
 * Registers {@code selector-virtual}: a {@link SelectorServer} whose loop reads, parses and writes,
 * and which runs each request's application on a new virtual thread (the hand-off Helidon 4 and
 * Quarkus offer for blocking handlers). Never full: the virtual threads alive are at most the open
 * connections, since the loop reads no more of a connection while its request runs.
 */
public final class SelectorVirtualModel implements ServerModel {

    static final String NAME = "selector-virtual";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ModelFamily family() {
        return ModelFamily.EVENT_LOOP_WITH_WORKERS;
    }

    @Override
    public String description() {
        return "one NIO selector reads and parses; a virtual thread per request runs the handler";
    }

    @Override
    public Server create(ServerConfig config) {
        return new SelectorServer(NAME, config, Workers.threadPerTask(ServerThreads.virtual(NAME, "request")));
    }
}
