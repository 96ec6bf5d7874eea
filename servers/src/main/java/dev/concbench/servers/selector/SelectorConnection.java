package dev.concbench.servers.selector;

import dev.concbench.servers.ConnectionPolicy;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.http.HttpException;
import dev.concbench.servers.http.HttpRequest;
import dev.concbench.servers.http.HttpResponse;
import dev.concbench.servers.http.RequestParser;
import dev.concbench.servers.http.ResponseEncoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One non-blocking connection of an {@link EventLoop}: the same behaviour as the blocking models'
 * connection, as a state machine that never waits.
 *
 * <p>Bytes read go straight into the shared {@link RequestParser}; each complete request is handled
 * on the loop, or handed to the loop's {@link Workers} (the connection then neither reads nor parses
 * until the answer is back, so pipelined requests wait in the read buffer, and a connection has
 * one request with the workers at most), and its response written at once with one gathering
 * write of head and body. Workers that refuse the request (all busy, queue full) get it answered
 * {@code 503} with {@code Connection: close}. When the
 * socket's send buffer fills, the rest waits for {@code OP_WRITE} and the connection stops reading
 * and parsing (pipelined requests stay in the read buffer and are answered in order once the
 * response is out). A response that closes the connection, or the answer to a request that broke
 * the rules, ends with a lingering close: half-close, then read and discard until the client
 * closes, {@link ConnectionPolicy#MAX_DRAIN_BYTES} or {@link ConnectionPolicy#LINGER}, then close; so the client reads the
 * answer instead of a reset. An answer given while the server closes (a sleep cut short) says
 * {@code Connection: close}. The buffers are the connection's own, reused for every request.
 *
 * <p>Confined to the event loop thread, but for the application run by a worker, which hands its
 * answer back through {@link EventLoop#execute}.
 */
final class SelectorConnection {

    private static final int READ_BUFFER_BYTES = 16 * 1024;
    private static final int MAX_READS_PER_EVENT = 16;
    /**
     * The most body bytes offered to one write. The body is a heap buffer, which the JDK copies
     * whole into a temporary direct buffer on every write; bounding what is offered bounds that copy
     * to about what the socket can take.
     */
    private static final int MAX_WRITE_BYTES = 256 * 1024;
    private static final ByteBuffer NOTHING = ByteBuffer.allocate(0);
    private static final HttpResponse BUSY = HttpResponse.text(503, "every worker is busy");

    private final SocketChannel channel;
    private final SelectionKey key;
    private final EventLoop loop;
    private final RequestParser parser;
    private final ByteBuffer readBuffer = ByteBuffer.allocate(READ_BUFFER_BYTES).limit(0);
    private final ByteBuffer head = ByteBuffer.allocate(ResponseEncoder.MAX_HEAD_BYTES);
    /** What is being written: a head and a body. */
    private final ByteBuffer[] output = {head, NOTHING};

    private boolean writing;
    /** A request is with the workers: nothing is read or parsed until its answer is back. */
    private boolean withWorkers;
    private boolean closeAfterWrite;
    private boolean lingering;
    private long lingerDeadline;
    private int drained;
    private boolean closed;

    /** Whether the connection read or wrote anything since the last {@link #idleSince} update. */
    private boolean active;
    /** The sweep time at which the connection was last seen active. */
    private long idleSince;

    SelectorConnection(SocketChannel channel, SelectionKey key, EventLoop loop, long now) {
        this.channel = channel;
        this.key = key;
        this.loop = loop;
        this.parser = new RequestParser(loop.limits());
        this.idleSince = now;
    }

    /** Handles the ready operations of this connection's key. Never throws for a peer's failure. */
    void onReady(int readyOps) {
        try {
            if ((readyOps & SelectionKey.OP_WRITE) != 0) {
                onWritable();
            } else if ((readyOps & SelectionKey.OP_READ) != 0) {
                onReadable();
            }
        } catch (IOException peerGone) {
            close(); // reset, broken pipe, or closed by an interrupt while the server closes
        } catch (RuntimeException bug) {
            ServerThreads.reportBug("the selector connection", bug);
            close();
        }
    }

    /**
     * Closes the connection if it stayed silent for {@code readTimeoutNanos} or lingered long
     * enough; called by the loop's periodic sweep with the sweep's time.
     */
    void sweep(long now, long readTimeoutNanos) {
        if (lingering) {
            if (now - lingerDeadline >= 0) {
                close();
            }
        } else if (active || withWorkers) {
            active = false;
            idleSince = now;
        } else if (now - idleSince >= readTimeoutNanos) {
            close(); // silent between requests or in the middle of one: nothing to answer
        }
    }

    /** Closes the channel (which cancels its key); idempotent. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing more to do
        }
    }

    private void onReadable() throws IOException {
        if (lingering) {
            drain();
            return;
        }
        for (int reads = 0; reads < MAX_READS_PER_EVENT; reads++) {
            readBuffer.compact();
            int room = readBuffer.remaining();
            int n = channel.read(readBuffer);
            readBuffer.flip();
            if (n < 0) {
                close(); // the client closed; a truncated request is not answered
                return;
            }
            if (n == 0) {
                return;
            }
            active = true;
            serveBuffered();
            if (n < room || writing || withWorkers || lingering || closed) {
                return; // read all there was, or stopped reading
            }
        }
    }

    private void onWritable() throws IOException {
        if (!writeOutput()) {
            return;
        }
        writing = false;
        if (closeAfterWrite) {
            startLingering();
            return;
        }
        key.interestOps(SelectionKey.OP_READ);
        serveBuffered(); // requests pipelined behind the one just answered
    }

    /** Parses and answers the requests in the read buffer, in order, until one's answer is pending. */
    private void serveBuffered() throws IOException {
        while (!writing && !withWorkers && !lingering && !closed) {
            HttpRequest request;
            try {
                request = parser.parse(readBuffer);
            } catch (HttpException e) {
                respond(null, HttpResponse.error(e), true);
                return;
            }
            if (request == null) {
                if (parser.takeContinueRequest()) {
                    send(ResponseEncoder.continueResponse(), NOTHING, false);
                }
                return;
            }
            Workers workers = loop.workers();
            if (workers == null) {
                answer(request, ConnectionPolicy.answer(loop.handler(), request));
            } else if (workers.offer(() -> {
                HttpResponse response = ConnectionPolicy.answer(loop.handler(), request);
                loop.execute(() -> answerFromWorker(request, response));
            })) {
                withWorkers = true;
                key.interestOps(0);
            } else {
                respond(request, BUSY, true);
            }
        }
    }

    private void answer(HttpRequest request, HttpResponse response) throws IOException {
        boolean close = ConnectionPolicy.closesAfter(request, response) || loop.closing(); // e.g. a sleep cut short
        respond(request, response, close);
    }

    /** On the loop: writes what a worker answered, then goes on with the connection. */
    private void answerFromWorker(HttpRequest request, HttpResponse response) {
        withWorkers = false;
        if (closed) {
            return;
        }
        try {
            answer(request, response);
            if (!writing && !lingering && !closed) {
                key.interestOps(SelectionKey.OP_READ);
                serveBuffered(); // requests pipelined behind the one just answered
            }
        } catch (IOException peerGone) {
            close();
        } catch (RuntimeException bug) {
            ServerThreads.reportBug("the selector connection", bug);
            close();
        }
    }

    private void respond(HttpRequest request, HttpResponse response, boolean close) throws IOException {
        ResponseEncoder.ConnectionHeader connection = ResponseEncoder.connectionHeader(request, close);
        int headLength = ResponseEncoder.headLength(response, connection);
        // only an echoed, very long Content-Type outgrows the connection's head buffer
        ByteBuffer out = headLength <= head.capacity() ? head.clear() : ByteBuffer.allocate(headLength);
        ResponseEncoder.encodeHead(response, connection, out);
        send(out.flip(), ResponseEncoder.body(request, response), close);
    }

    /** Writes what the socket takes now; the rest waits for {@code OP_WRITE}. */
    private void send(ByteBuffer first, ByteBuffer second, boolean close) throws IOException {
        output[0] = first;
        output[1] = second;
        closeAfterWrite = close;
        if (!writeOutput()) {
            writing = true;
            key.interestOps(SelectionKey.OP_WRITE);
        } else if (close) {
            startLingering();
        }
    }

    /** Writes as much of {@link #output} as the socket takes; true when all of it is written. */
    private boolean writeOutput() throws IOException {
        ByteBuffer body = output[1];
        while (output[0].hasRemaining() || body.hasRemaining()) {
            int end = body.limit();
            body.limit(Math.min(end, body.position() + MAX_WRITE_BYTES));
            long n;
            try {
                n = channel.write(output);
            } finally {
                body.limit(end);
            }
            if (n == 0) {
                return false;
            }
            active = true;
        }
        return true;
    }

    private void startLingering() throws IOException {
        lingering = true;
        lingerDeadline = System.nanoTime() + ConnectionPolicy.LINGER.toNanos();
        channel.shutdownOutput();
        key.interestOps(SelectionKey.OP_READ);
        drain(); // the client may have closed already
    }

    private void drain() throws IOException {
        while (!closed) {
            readBuffer.clear();
            int n = channel.read(readBuffer);
            if (n < 0 || (drained += n) >= ConnectionPolicy.MAX_DRAIN_BYTES) {
                close();
            } else if (n == 0) {
                readBuffer.limit(0);
                return;
            }
        }
    }
}
