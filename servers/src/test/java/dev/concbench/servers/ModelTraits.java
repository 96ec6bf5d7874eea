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
 */
public record ModelTraits(boolean oneRequestPerConnection, boolean servesManyConnectionsAtOnce, SlowRequest slowRequest,
                   boolean connectionStartsAJvm) {

    /** Whom a request that blocks its handler holds up. */
    public enum SlowRequest {
        /** Only its own connection: other clients are answered meanwhile. */
        ONLY_ITS_OWN_CONNECTION,
        /** Every other client: the model runs one handler at a time. */
        EVERYONE,
        /** Depends on the worker count: no fixed expectation. */
        DEPENDS_ON_WORKERS
    }

    private static final ModelTraits FULL = new ModelTraits(false, true, SlowRequest.ONLY_ITS_OWN_CONNECTION, false);

    /** The traits of a model; every model not named here gets the whole suite. */
    public static ModelTraits of(String modelName) {
        return switch (modelName) {
            // One thread: accept, serve one request, close, repeat (the blog's first server).
            case "iterative" -> new ModelTraits(true, false, SlowRequest.EVERYONE, false);
            // A fresh process per connection serves one request and exits (inetd style); many such
            // processes run at once, each a JVM that starts.
            case "process" -> new ModelTraits(true, true, SlowRequest.ONLY_ITS_OWN_CONNECTION, true);
            // One event loop runs every handler: it multiplexes connections, but a blocking
            // handler stops the loop.
            case "selector" -> new ModelTraits(false, true, SlowRequest.EVERYONE, false);
            // The reference runs every handler on its event loops, of which it has one by default: as
            // selector, a blocking handler stops every connection of that loop.
            case "netty" -> new ModelTraits(false, true, SlowRequest.EVERYONE, false);
            // A few worker processes, each serving one connection at a time.
            case "prefork" -> new ModelTraits(false, false, SlowRequest.DEPENDS_ON_WORKERS, false);
            default -> FULL;
        };
    }

    /** The names of every registered model, for {@code @MethodSource}; fails if there is none. */
    static List<String> modelNames() {
        List<String> names = ServerModels.names();
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
