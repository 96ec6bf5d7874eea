package dev.concbench.servers.process;

import dev.concbench.servers.app.Application;
import dev.concbench.servers.blocking.BlockingConnection;
import dev.concbench.servers.posix.Lifeline;
import java.io.IOException;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Arrays;
import java.util.List;

/**
 * The program a {@link ProcessPerRequestServer} child runs, inetd style: its standard input and
 * output are the client's connected socket. It serves one request through the same
 * {@link BlockingConnection} and {@link Application} as every model, answers with
 * {@code Connection: close}, and exits. It halts at once if its parent goes away ({@link Lifeline}).
 *
 * <pre>java ... dev.concbench.servers.process.ConnectionWorker [--train] --read-timeout-ms N --limits L,H,C,B</pre>
 *
 * <p>With {@value #TRAIN} (the training run of the {@link AotCache}), it serves every request on
 * the connection rather than one, so that one run reaches every endpoint the way a worker does.
 */
public final class ConnectionWorker {

    /** The argument that asks for a training run. */
    static final String TRAIN = "--train";

    static final int USAGE_ERROR = 2;
    private static final String ROLE = "process-worker";

    private ConnectionWorker() {
    }

    public static void main(String[] args) throws IOException {
        System.setOut(System.err); // standard output is the client's socket: nothing else may write there
        List<String> arguments = Arrays.asList(args);
        boolean training = !arguments.isEmpty() && arguments.getFirst().equals(TRAIN);
        WorkerSettings settings;
        try {
            settings = WorkerSettings.parse(training ? arguments.subList(1, arguments.size()) : arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("concbench: process worker: " + e.getMessage());
            System.exit(USAGE_ERROR);
            return;
        }
        Lifeline.Watch lifeline;
        try {
            lifeline = Lifeline.watchInChild(ROLE);
        } catch (IOException e) {
            System.err.println("concbench: process worker: " + e.getMessage());
            System.exit(USAGE_ERROR);
            return;
        }
        try (lifeline) {
            // No pattern switch here: its bootstrap spins a class, which a one-request JVM pays for.
            Channel inherited = System.inheritedChannel();
            if (inherited instanceof ServerSocketChannel) {
                // A socket whose peer reset it before this JVM started has no peer address, so the
                // JDK takes it for a listening socket: the client is gone, nothing to serve.
                return;
            }
            if (!(inherited instanceof SocketChannel connection)) {
                System.err.println("concbench: process worker: standard input must be a connected TCP socket,"
                        + " as the process model starts it");
                System.exit(USAGE_ERROR);
                return;
            }
            BlockingConnection.serve(connection.socket(), new Application(), settings.limits(), settings.readTimeout(),
                    training ? Integer.MAX_VALUE : 1);
        }
    }
}
