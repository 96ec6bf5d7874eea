package dev.concbench.servers;

/**
 * A concurrency model: a name and a factory for its {@link Server}.
 *
 * <p>Implementations are found through {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.concbench.servers.ServerModel} in a jar on the class path and it
 * becomes available by name to the command line, the tests and the benchmarks (see
 * {@link ServerModels}). An implementation needs a public no-argument constructor and must be
 * cheap to construct: nothing is started until {@link Server#start()}.
 */
public interface ServerModel {

    /** The model's unique name, lower case, e.g. {@code "pool"}; used on the command line. */
    String name();

    /** One line saying how the model schedules work, for {@code --list}. */
    String description();

    /**
     * What {@link ServerConfig#workers()} means for this model ("threads", "event loops",
     * "worker processes", ...), or {@code null} when the model has no worker count.
     */
    default String workersMeaning() {
        return null;
    }

    /**
     * The worker count used when {@link ServerConfig#workers()} is {@link ServerConfig#MODEL_DEFAULT}.
     * Meaningless when {@link #workersMeaning()} is {@code null}.
     */
    default int defaultWorkers() {
        return 1;
    }

    /** Creates a new, not yet started server with the given configuration. */
    Server create(ServerConfig config);
}
