package dev.concbench.servers;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One client connection on a raw {@link Socket}, for the contract tests: it sends exactly the bytes
 * it is given and reads responses strictly (status line, CRLF-terminated fields, a body framed by
 * {@code Content-Length}, which every concbench response carries). Every read has a timeout, so a
 * server that hangs fails the test instead of hanging it. Not thread-safe: one per client thread.
 */
final class RawConnection implements AutoCloseable {

    /** How long any single read may block before the test fails. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int MAX_LINE_BYTES = 32 * 1024; // room for an echoed 16 KiB Content-Type

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static RawConnection open(InetSocketAddress address) throws IOException {
        return open(address, READ_TIMEOUT);
    }

    /** Opens a connection whose reads may each block for {@code readTimeout} before the test fails. */
    static RawConnection open(InetSocketAddress address, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            socket.connect(address, CONNECT_TIMEOUT_MILLIS);
            return new RawConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** Opens a connection, sends {@code request}, reads one response and closes. */
    static RawResponse exchange(InetSocketAddress address, String request) throws IOException {
        return exchange(address, request, READ_TIMEOUT);
    }

    /** {@link #exchange(InetSocketAddress, String)} with reads that may each block for {@code readTimeout}. */
    static RawResponse exchange(InetSocketAddress address, String request, Duration readTimeout) throws IOException {
        try (RawConnection connection = open(address, readTimeout)) {
            connection.send(request);
            return connection.readResponse(request.startsWith("HEAD "));
        }
    }

    /** Sends the request text as ISO-8859-1 (one byte per char) and flushes. */
    void send(String raw) throws IOException {
        send(raw.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
    }

    /**
     * Sends as much as the server takes: a server answering an error may close before reading
     * everything, which makes the write fail; the response is still there to read.
     */
    void sendToleratingClose(String raw) {
        try {
            send(raw);
        } catch (IOException serverClosedEarly) {
            // Expected with some rejections; the caller reads the response next.
        }
    }

    /** Reads one response to a request other than HEAD. */
    RawResponse readResponse() throws IOException {
        return readResponse(false);
    }

    /**
     * Reads one response; {@code head} says it answers a HEAD request, so no body follows whatever
     * {@code Content-Length} says.
     */
    RawResponse readResponse(boolean head) throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 3 || !parts[0].equals("HTTP/1.1") || !parts[1].matches("\\d{3}")) {
            throw new IOException("malformed status line: '" + statusLine + "'");
        }
        int status = Integer.parseInt(parts[1]);
        List<RawResponse.Field> fields = new ArrayList<>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed field line: '" + line + "'");
            }
            fields.add(new RawResponse.Field(line.substring(0, colon), line.substring(colon + 1).strip()));
        }
        RawResponse response = new RawResponse(status, parts[2], List.copyOf(fields), new byte[0]);
        if (status == 100 || head) {
            return response;
        }
        String contentLength = response.header("Content-Length");
        if (contentLength == null) {
            throw new IOException("response without Content-Length: " + statusLine + " " + fields);
        }
        byte[] body = in.readNBytes(Integer.parseInt(contentLength));
        if (body.length != Integer.parseInt(contentLength)) {
            throw new EOFException("body ended after " + body.length + " of " + contentLength + " bytes");
        }
        return new RawResponse(status, parts[2], response.fields(), body);
    }

    /**
     * Waits for the server to close the connection: end of stream, or a reset. Fails if the server
     * sends more bytes or keeps the connection open longer than {@code within}.
     *
     * @return how long it took
     */
    Duration awaitClosedByServer(Duration within) throws IOException {
        long start = System.nanoTime();
        socket.setSoTimeout((int) within.toMillis());
        try {
            int next = in.read();
            if (next >= 0) {
                fail("expected the server to close the connection, but it sent more bytes, starting with '%s'",
                        (char) next + new String(in.readNBytes(Math.min(in.available(), 200)), StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            fail("the server kept the connection open for longer than %s", within);
        } catch (SocketException reset) {
            // A reset is a close too.
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Half-closes: the server reads the end of stream, and can still answer. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes with SO_LINGER 0, so the server sees a reset instead of an orderly end of stream. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(line.size() == 0
                        ? "the server closed the connection instead of answering"
                        : "the server closed the connection in the middle of a line: '" + line + "'");
            }
            if (b == '\r') {
                int lf = in.read();
                if (lf != '\n') {
                    throw new IOException("CR not followed by LF in a response line: '" + line + "'");
                }
                return line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b == '\n') {
                throw new IOException("bare LF in a response line: '" + line + "'");
            }
            if (line.size() >= MAX_LINE_BYTES) {
                throw new IOException("response line longer than " + MAX_LINE_BYTES + " bytes");
            }
            line.write(b);
        }
    }
}
