package dev.concbench.servers.virtual;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.blocking.BlockingServer;
import dev.concbench.servers.blocking.ConnectionThreads;
import java.net.Socket;

/**
 * A new virtual thread for every accepted connection, with the same blocking code as the platform
 * thread model: the JDK parks the virtual thread on blocking I/O and sleeps and runs the others on
 * its carrier threads (as many as cores by default).
 */
public final class VirtualThreadServer extends BlockingServer {

    private final ConnectionThreads threads = new ConnectionThreads(ServerThreads.virtual(VirtualThreadModel.NAME, "conn"));

    public VirtualThreadServer(ServerConfig config) {
        super(VirtualThreadModel.NAME, config);
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
