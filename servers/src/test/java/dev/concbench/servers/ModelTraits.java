package dev.concbench.servers;

import java.util.List;

/**
 * What the contract suite may expect of a model beyond the contract every model keeps. A model not
 * named here gets the whole suite: keep-alive, and many connections served at once. Add a model
 * here only when its design (not a bug) rules a behaviour out, and say why.
 *
 * @param oneRequestPerConnection the model answers one request per connection, with
 *                                {@code Connection: close}, whatever the client asks for
 * @param servesManyConnectionsAtOnce the model serves many open connections at the same time; a
 *                                model that serves one connection at a time (per worker) is exempt
 *                                from the concurrency cases
 */
record ModelTraits(boolean oneRequestPerConnection, boolean servesManyConnectionsAtOnce) {

    private static final ModelTraits FULL = new ModelTraits(false, true);

    static ModelTraits of(String modelName) {
        return switch (modelName) {
            // One thread: accept, serve one request, close, repeat (the blog's first server).
            case "iterative" -> new ModelTraits(true, false);
            // A fresh process per connection serves one request and exits (inetd style), but
            // many such processes run at once.
            case "process" -> new ModelTraits(true, true);
            // A few worker processes, each serving one connection at a time.
            case "prefork" -> new ModelTraits(false, false);
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
