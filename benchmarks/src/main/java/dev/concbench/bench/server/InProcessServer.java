package dev.concbench.bench.server;

import dev.concbench.bench.resources.ProcessTree;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;
import dev.concbench.servers.ServerModels;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A server model running inside the benchmark's own JVM, for profiling both sides together
 * ({@code -prof} sees the server's frames). Its resources cannot be told apart from the load
 * client's, so none are sampled.
 */
public final class InProcessServer implements RunningServer {

    private final ServerModel model;
    private final Server server;
    private final InetSocketAddress address;
    private final SortedMap<String, String> startInfo;
    private volatile Map<String, String> stopInfo = Map.of();

    private InProcessServer(ServerModel model, Server server, InetSocketAddress address) {
        this.model = model;
        this.server = server;
        this.address = address;
        this.startInfo = ServerLines.info(server.report(), model.workersMeaning(),
                model.workersMeaning() == null ? null : model.defaultWorkers());
    }

    /**
     * Starts the model on an ephemeral loopback port with its default configuration.
     *
     * @throws IOException when the model cannot start; nothing is left running then
     * @throws java.util.NoSuchElementException for an unknown model
     */
    public static InProcessServer start(String modelName) throws IOException {
        ServerModel model = ServerModels.byName(modelName);
        Server server = model.create(ServerConfig.defaults());
        return new InProcessServer(model, server, server.start());
    }

    @Override
    public String model() {
        return model.name();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public Optional<ProcessTree> processTree() {
        return Optional.empty();
    }

    @Override
    public Map<String, String> startInfo() {
        return startInfo;
    }

    @Override
    public Map<String, String> stopInfo() {
        return stopInfo;
    }

    @Override
    public void close() {
        server.close();
        stopInfo = ServerLines.facts(server.report());
    }
}
