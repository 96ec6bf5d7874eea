package dev.concbench.servers.blocking;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * The connection {@link BlockingConnection} serves: its two streams, and the half-close it needs
 * to close politely. A {@link Socket} ({@link #of(Socket)}) for the models that accept their own
 * connections; a process model's child, which finds its socket as standard input and output,
 * brings its own.
 *
 * <p>A read that outlasts the connection's read timeout throws an {@link IOException} (a
 * {@link java.net.SocketTimeoutException} for a socket): either way the connection ends without
 * an answer.
 */
public interface ConnectionStreams extends Closeable {

    InputStream in() throws IOException;

    OutputStream out() throws IOException;

    /**
     * Half-closes the connection before draining what the client still sends, and bounds each
     * later read by {@code lingerTimeout}.
     */
    void shutdownOutput(Duration lingerTimeout) throws IOException;

    /**
     * Whether a connection whose response is complete, with nothing left unread, may simply be
     * closed rather than half-closed and drained: true for a process that exits right after (the
     * kernel then sends the client a plain end-of-stream, and the drain would only keep the
     * process alive). An error response is always followed by a drain.
     */
    default boolean closesWithoutDrainWhenRead() {
        return false;
    }

    /** A connected socket whose read timeout and {@code TCP_NODELAY} the caller has set. */
    static ConnectionStreams of(Socket socket) {
        return new ConnectionStreams() {
            @Override
            public InputStream in() throws IOException {
                return socket.getInputStream();
            }

            @Override
            public OutputStream out() throws IOException {
                return socket.getOutputStream();
            }

            @Override
            public void shutdownOutput(Duration lingerTimeout) throws IOException {
                socket.shutdownOutput();
                socket.setSoTimeout(Math.toIntExact(Math.max(1, lingerTimeout.toMillis())));
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }
        };
    }
}
