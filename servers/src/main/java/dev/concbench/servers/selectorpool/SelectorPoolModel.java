package dev.concbench.servers.selectorpool;

import dev.concbench.servers.ModelFamily;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;
import dev.concbench.servers.selector.SelectorServer;
import dev.concbench.servers.selector.Workers;

/**
 * Registers {@code selector-pool}: a {@link SelectorServer} whose loop reads, parses and writes,
 * and whose application runs on a fixed pool of platform threads (Tomcat's and Jetty's NIO
 * connectors; Netty with a separate executor group).
 *
 * <p><b>When the pool is full.</b> The pool has {@code workers} threads (200 by default, Tomcat's
 * {@code maxThreads}) and a queue of as many requests. A request that finds both full is answered
 * at once by the loop, {@code 503 Service Unavailable} with {@code Connection: close}, rather than
 * held back by not reading: the client learns the server is saturated in one round trip, the
 * loop's memory stays bounded, and an overload shows in the results as errors rather than as
 * latency. A connection has one request with the workers at most (the loop stops reading it
 * meanwhile), so the queue fills only when more connections than threads have a request running.
 */
public final class SelectorPoolModel implements ServerModel {

    static final String NAME = "selector-pool";
    static final int DEFAULT_WORKERS = 200;

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
        return "one NIO selector reads and parses; a fixed pool of platform threads runs the handler (503 when full)";
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
        int threads = config.workersOr(DEFAULT_WORKERS);
        return new SelectorServer(NAME, config, Workers.pool(NAME, threads, threads));
    }
}
