package dev.concbench.servers.workerjvm;

import dev.concbench.servers.app.Application;
import dev.concbench.servers.blocking.BlockingConnection;
import dev.concbench.servers.posix.Lifeline;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The program a {@code process} model's child runs ({@code ProcessPerRequestServer}), inetd style: its standard input and
 * output are the client's connected socket, whose read timeout (that of its settings) the parent
 * set ({@link InheritedSocket}). It serves one request through the same
 * {@link BlockingConnection} and {@link Application} as every model, answers with
 * {@code Connection: close}, and halts. It halts at once if its parent goes away ({@link Lifeline}).
 *
 * <pre>java ... dev.concbench.servers.workerjvm.ConnectionWorker [--train] --read-timeout-ms N --limits L,H,C,B</pre>
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
            BlockingConnection.serve(new InheritedSocket(), new Application(), settings.limits(),
                    training ? Integer.MAX_VALUE : 1);
        }
        if (!training) {
            // The response is sent and the socket closed: skip the shutdown sequence. A training
            // run exits normally, so that the JVM writes the AOT cache on its way out.
            Runtime.getRuntime().halt(0);
        }
    }
}
