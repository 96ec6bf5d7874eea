package dev.concbench.client.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny blocking HTTP/1.1 server for tests, on 127.0.0.1 and an ephemeral port, whose every
 * connection follows a {@link Script}: for precise fault behaviour that a real server model would
 * never show. One platform thread per connection; {@link #close()} closes every socket and joins
 * every thread.
 */
public final class ScriptedServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        void serve(Connection connection) throws IOException, InterruptedException;
    }

    /** The response every {@link #keepAlive(String)} script sends. */
    public static String okResponse(String body) {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** A script answering every request on the connection with 200 and this body, until the client closes. */
    public static Script keepAlive(String body) {
        byte[] response = okResponse(body).getBytes(StandardCharsets.UTF_8);
        return connection -> {
            while (connection.readRequest() != null) {
                connection.write(response);
            }
        };
    }

    private final ServerSocket serverSocket;
    private final Script script;
    private final Thread acceptor;
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong responses = new AtomicLong();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private ScriptedServer(Script script, int backlog) throws IOException {
        this.script = script;
        this.serverSocket = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("scripted-acceptor").start(this::acceptLoop);
    }

    public static ScriptedServer start(Script script) throws IOException {
        return new ScriptedServer(script, 1024);
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Complete requests read, over all connections. */
    public long requestsRead() {
        return requests.get();
    }

    /** Writes done through {@link Connection#write}, over all connections: each one a response in the common scripts. */
    public long responsesWritten() {
        return responses.get();
    }

    /** Unexpected exceptions thrown by scripts (a socket closed by the client is expected, not listed). */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    private void acceptLoop() {
        try {
            while (!serverSocket.isClosed()) {
                Socket socket = serverSocket.accept();
                accepted.incrementAndGet();
                sockets.add(socket);
                threads.add(Thread.ofPlatform().daemon().name("scripted-" + accepted.get()).start(() -> serve(socket)));
            }
        } catch (IOException closed) {
            // the server is closing
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            script.serve(new Connection(socket));
        } catch (SocketException | InterruptedException expected) {
            // the client closed or reset the connection, or the server is closing
        } catch (IOException | RuntimeException e) {
            if (!serverSocket.isClosed()) {
                failures.add(e);
            }
        }
    }

    /** Closes the listening socket and every connection, and joins every thread. */
    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            acceptor.join(5_000); // no connection is accepted after this
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            for (Thread thread : threads) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One accepted connection, as a script sees it. */
    public final class Connection {

        /** One read of request bytes: when it returned and how many bytes it got. */
        public record Arrival(long nanoTime, int bytes) {
        }

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final byte[] buffer = new byte[8192];
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private final List<Arrival> arrivals = new ArrayList<>();

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /**
         * Reads one request (head and a Content-Length body), recording when its bytes arrived.
         *
         * @return the request head, or null if the client closed the connection first
         */
        public String readRequest() throws IOException {
            while (true) {
                byte[] bytes = pending.toByteArray();
                int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                if (end >= 0) {
                    String head = new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
                    int total = end + 4 + contentLength(head);
                    if (bytes.length >= total) {
                        pending.reset();
                        pending.write(bytes, total, bytes.length - total);
                        requests.incrementAndGet();
                        return head;
                    }
                }
                int n = in.read(buffer);
                if (n < 0) {
                    return null;
                }
                arrivals.add(new Arrival(System.nanoTime(), n));
                pending.write(buffer, 0, n);
            }
        }

        /** Reads whatever bytes arrive next (at least one), as part of a request; -1 at the end. */
        public int readSome() throws IOException {
            int n = in.read(buffer);
            if (n > 0) {
                arrivals.add(new Arrival(System.nanoTime(), n));
                pending.write(buffer, 0, n);
            }
            return n;
        }

        /** Every read of request bytes on this connection so far. */
        public List<Arrival> arrivals() {
            return List.copyOf(arrivals);
        }

        public void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
            responses.incrementAndGet();
        }

        public void write(String text) throws IOException {
            write(text.getBytes(StandardCharsets.UTF_8));
        }

        /** Closes with a TCP reset (SO_LINGER 0) instead of an orderly FIN. */
        public void reset() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        /** Closes in order (FIN). */
        public void close() throws IOException {
            socket.close();
        }

        private static int contentLength(String head) {
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    return Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return 0;
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer:
            for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
