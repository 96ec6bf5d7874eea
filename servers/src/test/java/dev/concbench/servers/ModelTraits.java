package dev.concbench.servers;

import java.util.List;

/**
 * What the suite may expect of a model beyond the contract every model keeps. A model not named
 * here gets the whole suite: keep-alive, many connections served at once, and a slow request that
 * holds up no one else. Add a model here only when its design (not a bug) rules a behaviour out,
 * and say why.
 *
 * @param oneRequestPerConnection     the model answers one request per connection, with
 *                                    {@code Connection: close}, whatever the client asks for
 * @param servesManyConnectionsAtOnce the model keeps many connections open and served at the same
 *                                    time; a model serving one connection at a time (per worker) is
 *                                    exempt from the concurrency cases
 * @param slowRequest                 whom a request that blocks (the blog's sleep) holds up
 * @param connectionStartsAJvm        each connection costs the start of a JVM (around a tenth of a
 *                                    second of CPU): tests that open many connections open fewer
 * @param ownHttpRules                the model parses with other HTTP code that keeps its own rules
 *                                    (the JDK's server): what it rejects and how, its limits, read
 *                                    timeouts and interim answers, and the case and order of its
 *                                    header names are its own; only the application's answers are
 *                                    held to ours
 */
public record ModelTraits(boolean oneRequestPerConnection, boolean servesManyConnectionsAtOnce, SlowRequest slowRequest,
                   boolean connectionStartsAJvm, boolean ownHttpRules) {

    /** Whom a request that blocks its handler holds up. */
    public enum SlowRequest {
        /** Only its own connection: other clients are answered meanwhile. */
        ONLY_ITS_OWN_CONNECTION,
        /** Every other client: the model runs one handler at a time. */
        EVERYONE,
        /** Depends on the worker count: no fixed expectation. */
        DEPENDS_ON_WORKERS
    }

    private static final ModelTraits FULL = new ModelTraits(false, true, SlowRequest.ONLY_ITS_OWN_CONNECTION, false, false);

    /** The traits of a model; every model not named here gets the whole suite. */
    public static ModelTraits of(String modelName) {
        return switch (modelName) {
            // One thread: accept, serve one request, close, repeat (the blog's first server).
            case "iterative" -> new ModelTraits(true, false, SlowRequest.EVERYONE, false, false);
            // A fresh process per connection serves one request and exits (inetd style); many such
            // processes run at once, each a JVM that starts.
            case "process" -> new ModelTraits(true, true, SlowRequest.ONLY_ITS_OWN_CONNECTION, true, false);
            // One event loop runs every handler: it multiplexes connections, but a blocking
            // handler stops the loop.
            case "selector" -> new ModelTraits(false, true, SlowRequest.EVERYONE, false, false);
            // The reference runs every handler on its event loops, of which it has one by default: as
            // selector, a blocking handler stops every connection of that loop. So on io_uring.
            case "netty", "netty-iouring" -> new ModelTraits(false, true, SlowRequest.EVERYONE, false, false);
            // One loop per core, each running its handlers: a blocking handler stops the connections
            // of its loop only, a share that depends on the core count.
            case "reactors" -> new ModelTraits(false, true, SlowRequest.DEPENDS_ON_WORKERS, false, false);
            // A few worker processes, each serving one connection at a time.
            case "prefork" -> new ModelTraits(false, false, SlowRequest.DEPENDS_ON_WORKERS, false, false);
            // The JDK's server and its own HTTP code; its default executor runs every handler on its
            // one dispatcher thread, as selector does.
            case "jdk" -> new ModelTraits(false, true, SlowRequest.EVERYONE, false, true);
            case "jdk-pool", "jdk-virtual" -> new ModelTraits(false, true, SlowRequest.ONLY_ITS_OWN_CONNECTION, false, true);
            default -> FULL;
        };
    }

    /**
     * The names of every registered model that can run here (not {@code netty-iouring} where the
     * kernel refuses io_uring), for {@code @MethodSource}; fails if there is none.
     */
    static List<String> modelNames() {
        List<String> names = ServerModels.all().stream()
                .filter(model -> model.unavailableReason().isEmpty())
                .map(ServerModel::name)
                .toList();
        if (names.isEmpty()) {
            throw new IllegalStateException("no ServerModel registered: check META-INF/services");
        }
        return names;
    }

    /** The registered models that serve many connections at once. */
    static List<String> concurrentModelNames() {
        return modelNames().stream().filter(name -> of(name).servesManyConnectionsAtOnce()).toList();
    }
}
