package dev.concbench.servers;

import java.util.Optional;

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

    /** The family the model belongs to, for the reports' grouping. */
    ModelFamily family();

    /**
     * Whether the model answers through HTTP code other than the shared codec ({@code netty}'s own
     * codec, the JDK's server): a yardstick for the others, marked {@code reference} wherever
     * results are shown.
     */
    default boolean reference() {
        return false;
    }

    /**
     * Why the model cannot run on this machine (a kernel or native library it needs is missing), in
     * one line; empty when it can. A run leaves an unavailable model out and records the reason;
     * {@link #create} may still be called and its {@code start()} then fails with the same reason.
     */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }

    /** Creates a new, not yet started server with the given configuration. */
    Server create(ServerConfig config);
}
