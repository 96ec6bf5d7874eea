package dev.concbench.servers.blocking;

import dev.concbench.servers.ConnectionPolicy;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.http.HttpException;
import dev.concbench.servers.http.HttpHandler;
import dev.concbench.servers.http.HttpLimits;
import dev.concbench.servers.http.HttpRequest;
import dev.concbench.servers.http.HttpResponse;
import dev.concbench.servers.http.RequestParser;
import dev.concbench.servers.http.ResponseEncoder;
import dev.concbench.servers.http.ResponseEncoder.ConnectionHeader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * Serves one connection with blocking I/O on the calling thread: read, parse, handle, write, until
 * the client or the rules end it. Every blocking model (and every worker process) serves its
 * connections through this one loop, so they differ only in which thread calls it.
 *
 * <p>Pipelined requests are answered in order. The connection ends when the client closes it, a
 * response says {@code Connection: close}, the read timeout passes with the client silent, or the
 * client breaks the protocol (a 4xx response is written first, then the socket is half-closed and
 * drained briefly, so that the client reads the answer instead of a reset).
 */
public final class BlockingConnection {

    private static final int READ_BUFFER_BYTES = 16 * 1024;
    private static final int WRITE_BUFFER_BYTES = 16 * 1024;

    private final ConnectionStreams streams;
    private final HttpHandler handler;
    private final RequestParser parser;
    private final int maxRequests;
    private final byte[] readArray = new byte[READ_BUFFER_BYTES];
    private final ByteBuffer readBuffer = ByteBuffer.wrap(readArray).limit(0);
    private final byte[] writeArray = new byte[WRITE_BUFFER_BYTES];
    private final ByteBuffer writeBuffer = ByteBuffer.wrap(writeArray);

    private BlockingConnection(ConnectionStreams streams, HttpHandler handler, HttpLimits limits, int maxRequests) {
        this.streams = streams;
        this.handler = handler;
        this.parser = new RequestParser(limits);
        this.maxRequests = maxRequests;
    }

    /**
     * Serves {@code socket} until the connection ends, then closes it. Never throws: a peer that
     * goes away ends the connection quietly, and a bug is reported and ends only this connection.
     *
     * @param maxRequests the number of requests to serve before closing (1 for the iterative and
     *                    process models), or {@link Integer#MAX_VALUE}
     */
    public static void serve(Socket socket, HttpHandler handler, HttpLimits limits, Duration readTimeout,
                             int maxRequests) {
        try {
            socket.setSoTimeout(Math.toIntExact(Math.max(1, readTimeout.toMillis())));
            socket.setTcpNoDelay(true);
        } catch (IOException peerGone) {
            try {
                socket.close();
            } catch (IOException alreadyGone) {
                // nothing more to release
            }
            return;
        }
        serve(ConnectionStreams.of(socket), handler, limits, maxRequests);
    }

    /**
     * Serves {@code streams}, whose read timeout is already set, as {@link #serve(Socket,
     * HttpHandler, HttpLimits, Duration, int)} serves a socket, then closes it. Never throws.
     */
    public static void serve(ConnectionStreams streams, HttpHandler handler, HttpLimits limits, int maxRequests) {
        try (streams) {
            new BlockingConnection(streams, handler, limits, maxRequests).run();
        } catch (IOException peerGoneOrTimedOut) {
            // the peer went away, reset the connection or stayed silent: nothing to answer
        } catch (RuntimeException bug) {
            ServerThreads.reportBug("serving a connection", bug); // the model's thread lives on
        }
    }

    private void run() throws IOException {
        InputStream in = streams.in();
        OutputStream out = streams.out();
        for (int served = 0; served < maxRequests; served++) {
            HttpRequest request;
            try {
                request = readRequest(in, out);
            } catch (HttpException e) {
                write(out, null, HttpResponse.error(e), true);
                lingeringClose(in, true);
                return;
            }
            if (request == null) {
                return; // the client closed between requests
            }
            HttpResponse response = ConnectionPolicy.answer(handler, request);
            boolean close = ConnectionPolicy.closesAfter(request, response) || served + 1 == maxRequests;
            write(out, request, response, close);
            if (close) {
                lingeringClose(in, false);
                return;
            }
        }
    }

    /** The next request, or {@code null} when the client closed cleanly between requests. */
    private HttpRequest readRequest(InputStream in, OutputStream out) throws IOException, HttpException {
        while (true) {
            HttpRequest request = parser.parse(readBuffer);
            if (request != null) {
                return request;
            }
            if (parser.takeContinueRequest()) {
                send(out, ResponseEncoder.continueResponse());
                out.flush();
            }
            int n;
            try {
                n = in.read(readArray, 0, readArray.length);
            } catch (SocketTimeoutException silent) {
                return null;
            }
            if (n < 0) {
                return null; // a truncated request is not answered: the peer is gone
            }
            readBuffer.limit(n).position(0);
        }
    }

    private void write(OutputStream out, HttpRequest request, HttpResponse response, boolean close)
            throws IOException {
        ConnectionHeader connection = ResponseEncoder.connectionHeader(request, close);
        ByteBuffer body = ResponseEncoder.body(request, response);
        int headLength = ResponseEncoder.headLength(response, connection);
        if (headLength > writeArray.length) { // an echoed, very long Content-Type
            ByteBuffer head = ByteBuffer.allocate(headLength);
            ResponseEncoder.encodeHead(response, connection, head);
            out.write(head.array());
        } else {
            writeBuffer.clear();
            ResponseEncoder.encodeHead(response, connection, writeBuffer);
            int inline = Math.min(body.remaining(), writeBuffer.remaining());
            body.get(writeArray, writeBuffer.position(), inline);
            out.write(writeArray, 0, writeBuffer.position() + inline);
        }
        send(out, body);
        out.flush();
    }

    /** Writes what remains of {@code data} (which may be read-only) through the write buffer. */
    private void send(OutputStream out, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            int n = Math.min(data.remaining(), writeArray.length);
            data.get(writeArray, 0, n);
            out.write(writeArray, 0, n);
        }
    }

    /**
     * Half-closes and reads what the client still sends, for at most {@link ConnectionPolicy#LINGER}, so that
     * closing with unread bytes does not reset the connection before the client read the response.
     * Skipped after a good response where the streams allow it and nothing is left unread.
     */
    private void lingeringClose(InputStream in, boolean rejected) throws IOException {
        if (!rejected && streams.closesWithoutDrainWhenRead() && !readBuffer.hasRemaining() && in.available() == 0) {
            return;
        }
        streams.shutdownOutput(ConnectionPolicy.LINGER);
        long deadline = System.nanoTime() + ConnectionPolicy.LINGER.toNanos();
        int drained = 0;
        try {
            while (drained < ConnectionPolicy.MAX_DRAIN_BYTES && System.nanoTime() < deadline) {
                int n = in.read(readArray, 0, readArray.length);
                if (n < 0) {
                    return;
                }
                drained += n;
            }
        } catch (SocketTimeoutException timedOut) {
            // the client kept the connection open: close it anyway
        }
    }
}
