package dev.concbench.servers.process;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.app.Application;
import dev.concbench.servers.blocking.BlockingConnection;
import dev.concbench.servers.posix.Lifeline;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.Channel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The program a {@link ProcessPerRequestServer} child runs, inetd style: its standard input and
 * output are the client's connected socket. It serves one request through the same
 * {@link BlockingConnection} and {@link Application} as every model, answers with
 * {@code Connection: close}, and exits. It halts at once if its parent goes away ({@link Lifeline}).
 *
 * <pre>java ... dev.concbench.servers.process.ConnectionWorker --read-timeout-ms N --limits L,H,C,B</pre>
 *
 * <p>With {@value #TRAIN} instead, it serves a series of requests to itself over loopback, so
 * that a training run for the AOT cache loads and links everything a real worker uses, and watches
 * its standard input as its lifeline.
 */
public final class ConnectionWorker {

    /** The argument that asks for a training run. */
    static final String TRAIN = "--train";

    static final int USAGE_ERROR = 2;
    static final String ROLE = "process-worker";

    private ConnectionWorker() {
    }

    public static void main(String[] args) throws IOException {
        System.setOut(System.err); // standard output is the client's socket: nothing else may write there
        if (args.length == 1 && args[0].equals(TRAIN)) {
            Lifeline.hold(ROLE, System.in);
            train();
            return;
        }
        WorkerSettings settings;
        try {
            settings = WorkerSettings.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("concbench: process worker: " + e.getMessage());
            System.exit(USAGE_ERROR);
            return;
        }
        Lifeline.holdInChild(ROLE);
        Channel inherited = System.inheritedChannel();
        if (!(inherited instanceof SocketChannel connection)) {
            System.err.println("concbench: process worker: standard input must be a connected TCP socket,"
                    + " as the process model starts it; it is " + inherited);
            System.exit(USAGE_ERROR);
            return;
        }
        BlockingConnection.serve(connection.socket(), new Application(), settings.limits(), settings.readTimeout(), 1);
    }

    /** Requests that reach every endpoint and the error paths, pipelined on one connection. */
    private static final String TRAINING_REQUESTS = String.join("",
            "GET /hello HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /json HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /sleep?ms=1 HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /cpu?us=50 HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /bytes?n=70000 HTTP/1.1\r\nHost: training\r\n\r\n",
            "HEAD /hello HTTP/1.1\r\nHost: training\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: training\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello",
            "POST /echo HTTP/1.1\r\nHost: training\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
            "GET /nowhere HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /sleep?ms=x HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /hello HTTP/1.0\r\n\r\n");
    private static final int TRAINING_REQUEST_COUNT = 11;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 \\d{3} ");

    /**
     * Serves {@link #TRAINING_REQUESTS} to a client thread of its own, the way a worker serves a
     * client, and fails unless every response came back.
     */
    private static void train() throws IOException {
        System.inheritedChannel(); // loads what a real worker uses to find its socket
        WorkerSettings settings = WorkerSettings.parse(WorkerSettings.of(ServerConfig.defaults()).toArguments());
        try (ServerSocketChannel listener = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            AtomicReference<String> received = new AtomicReference<>();
            Thread client = ServerThreads.platform(ROLE, "training-client").newThread(() -> {
                try (Socket socket = new Socket()) {
                    socket.connect(listener.getLocalAddress());
                    socket.getOutputStream().write(TRAINING_REQUESTS.getBytes(StandardCharsets.US_ASCII));
                    // The server closes after the HTTP/1.0 request, the last one.
                    received.set(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    received.set("the training client failed: " + e);
                }
            });
            client.start();
            try (SocketChannel connection = listener.accept()) {
                BlockingConnection.serve(connection.socket(), new Application(), settings.limits(),
                        settings.readTimeout(), Integer.MAX_VALUE);
            }
            client.join();
            long answered = STATUS_LINE.matcher(received.get()).results().count();
            if (answered != TRAINING_REQUEST_COUNT) {
                throw new IllegalStateException("the training run got " + answered + " of "
                        + TRAINING_REQUEST_COUNT + " responses: " + received.get());
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted while training", e);
        }
    }
}
