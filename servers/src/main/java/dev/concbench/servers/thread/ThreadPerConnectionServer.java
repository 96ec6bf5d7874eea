package dev.concbench.servers.thread;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.blocking.BlockingServer;
import dev.concbench.servers.blocking.ConnectionThreads;
import java.net.Socket;

/**
 * A new platform thread for every accepted connection, serving its requests (keep-alive) with
 * blocking I/O. Unbounded: the number of threads is the number of open connections.
 */
public final class ThreadPerConnectionServer extends BlockingServer {

    private final ConnectionThreads threads = new ConnectionThreads(ServerThreads.platform(ThreadPerConnectionModel.NAME, "conn"));

    public ThreadPerConnectionServer(ServerConfig config) {
        super(ThreadPerConnectionModel.NAME, config);
    }

    @Override
    protected void dispatch(Socket connection) {
        threads.start(() -> serve(connection, Integer.MAX_VALUE));
    }

    @Override
    protected void stopWorkers() throws InterruptedException {
        threads.interruptAndJoin(JOIN_TIMEOUT_MILLIS);
    }
}
