package dev.concbench.servers.prefork;

import dev.concbench.servers.app.Application;
import dev.concbench.servers.blocking.BlockingConnection;
import dev.concbench.servers.posix.Lifeline;
import dev.concbench.servers.workerjvm.WorkerSettings;
import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;

/**
 * The program a {@link PreforkServer} worker runs: its standard input is the listening socket it
 * shares with the other workers. It accepts a connection, serves it to the end (keep-alive, any
 * number of requests) through the same {@link BlockingConnection} and {@link Application} as every
 * model, then accepts the next. It halts at once if its parent goes away ({@link Lifeline}), and
 * exits with {@link #ACCEPT_FAILED} when accepting fails, for the parent to replace it (as it does
 * when the parent stops listening).
 *
 * <pre>java ... dev.concbench.servers.prefork.PreforkWorker --read-timeout-ms N --limits L,H,C,B</pre>
 */
public final class PreforkWorker {

    static final int USAGE_ERROR = 2;
    static final int ACCEPT_FAILED = 3;
    private static final String ROLE = "prefork-worker";

    private PreforkWorker() {
    }

    public static void main(String[] args) throws IOException {
        WorkerSettings settings;
        try {
            settings = WorkerSettings.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("concbench: prefork worker: " + e.getMessage());
            System.exit(USAGE_ERROR);
            return;
        }
        try {
            Lifeline.watchInChild(ROLE); // for as long as the worker lives
        } catch (IOException e) {
            System.err.println("concbench: prefork worker: " + e.getMessage());
            System.exit(USAGE_ERROR);
            return;
        }
        Channel inherited = System.inheritedChannel();
        if (!(inherited instanceof ServerSocketChannel listener)) {
            System.err.println("concbench: prefork worker: standard input must be a listening TCP socket,"
                    + " as the prefork model starts it; it is " + inherited);
            System.exit(USAGE_ERROR);
            return;
        }
        Application application = new Application();
        while (true) {
            SocketChannel connection;
            try {
                connection = listener.accept();
            } catch (IOException e) {
                System.exit(ACCEPT_FAILED);
                return;
            }
            BlockingConnection.serve(connection.socket(), application, settings.limits(), settings.readTimeout(),
                    Integer.MAX_VALUE);
        }
    }
}
