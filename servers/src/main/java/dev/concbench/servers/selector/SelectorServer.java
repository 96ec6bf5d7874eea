package dev.concbench.servers.selector;

import dev.concbench.servers.Closeables;
import dev.concbench.servers.OneShotServer;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerThreads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;

/**
 * One thread, one {@link java.nio.channels.Selector}: an {@link EventLoop} that accepts, reads and
 * writes without ever blocking. Without workers ({@code selector}) it runs the application itself,
 * between two selects, so a request that blocks (like {@code /sleep}) or burns CPU holds up every
 * connection: that is the model. With {@link Workers} ({@code selector-pool},
 * {@code selector-virtual}) the loop only reads, parses and writes, and the workers run the
 * application, as Tomcat's and Jetty's NIO connectors do.
 *
 * <p>{@link #close()} stops the loop, which closes every connection and the listening socket, then
 * interrupts and joins the workers: requests they were running are abandoned.
 */
public final class SelectorServer extends OneShotServer {

    private final String model;
    private final ServerConfig config;
    private final Workers workers;

    private ServerSocketChannel listener;
    private EventLoop loop;

    /** The {@code selector} model: the application on the loop. */
    public SelectorServer(ServerConfig config) {
        this(SelectorModel.NAME, config, null);
    }

    /**
     * One loop that hands the application to {@code workers}, which the server closes with itself.
     *
     * @param model the model's name, for its threads ({@code <model>-loop-0})
     */
    public SelectorServer(String model, ServerConfig config, Workers workers) {
        this.model = model;
        this.config = config;
        this.workers = workers;
    }

    @Override
    protected InetSocketAddress open() throws IOException {
        listener = ServerSocketChannel.open();
        listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        listener.bind(new InetSocketAddress(config.host(), config.port()), config.backlog());
        loop = new EventLoop(model, ServerThreads.platform(model, "loop"), config, workers);
        loop.accept(listener);
        loop.start();
        return (InetSocketAddress) listener.getLocalAddress();
    }

    @Override
    protected void release() {
        if (loop == null) { // start() failed before the loop was made
            Closeables.closeQuietly(listener);
        } else {
            loop.close();
        }
        if (workers != null) {
            try {
                workers.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
