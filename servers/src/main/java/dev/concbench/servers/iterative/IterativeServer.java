package dev.concbench.servers.iterative;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.blocking.BlockingServer;
import java.net.Socket;

/**
 * The blog's first server: one thread accepts a connection, serves exactly one request with
 * {@code Connection: close}, closes it, and only then accepts the next. One slow request holds
 * everyone up.
 */
public final class IterativeServer extends BlockingServer {

    public IterativeServer(ServerConfig config) {
        super(IterativeModel.NAME, config);
    }

    @Override
    protected void dispatch(Socket connection) {
        serve(connection, 1);
    }

    @Override
    protected void stopWorkers() {
        // the acceptor is the only thread
    }
}
