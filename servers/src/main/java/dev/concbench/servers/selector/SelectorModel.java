package dev.concbench.servers.selector;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;

/** Registers {@link SelectorServer} as {@code selector}. */
public final class SelectorModel implements ServerModel {

    static final String NAME = "selector";

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
        return "one thread, one NIO selector: non-blocking accept, read and write, the handler on the event loop";
    }

    @Override
    public Server create(ServerConfig config) {
        return new SelectorServer(config);
    }
}
