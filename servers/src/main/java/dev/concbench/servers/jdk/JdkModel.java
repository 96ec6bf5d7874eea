package dev.concbench.servers.jdk;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;
import dev.concbench.servers.jdk.JdkServer.Dispatch;

/**
 * Registers {@link JdkServer} with the JDK's default executor as {@code jdk}; its subclasses
 * register the pool ({@code jdk-pool}) and the virtual thread per exchange ({@code jdk-virtual}).
 * Three models rather than one with a knob: a run compares models by name, and the three schedule
 * a blocking call as differently as {@code selector}, {@code pool} and {@code virtual} do.
 */
public class JdkModel implements ServerModel {

    static final int DEFAULT_POOL_THREADS = 200;

    private final String name;
    private final Dispatch dispatch;
    private final String description;

    public JdkModel() {
        this("jdk", Dispatch.DISPATCHER, "the reference: the JDK's HttpServer, handlers on its dispatcher thread (default executor)");
    }

    JdkModel(String name, Dispatch dispatch, String description) {
        this.name = name;
        this.dispatch = dispatch;
        this.description = description;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final ModelFamily family() {
        return ModelFamily.REFERENCE;
    }

    @Override
    public final boolean reference() {
        return true;
    }

    @Override
    public final String workersMeaning() {
        return dispatch == Dispatch.POOL ? "pool threads" : null;
    }

    @Override
    public final int defaultWorkers() {
        return DEFAULT_POOL_THREADS;
    }

    @Override
    public final Server create(ServerConfig config) {
        return new JdkServer(name, config, dispatch, config.workersOr(DEFAULT_POOL_THREADS));
    }
}
