package dev.concbench.servers.parity;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A test client that writes raw request bytes and reads the answers back exactly as sent, framed
 * by their {@code Content-Length}. Every read gives up after {@link #TIMEOUT}, so a server that
 * does not answer fails the test instead of hanging it.
 */
public final class RawClient implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RawClient connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(address, Math.toIntExact(TIMEOUT.toMillis()));
            socket.setSoTimeout(Math.toIntExact(TIMEOUT.toMillis()));
            socket.setTcpNoDelay(true);
            return new RawClient(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Writes {@code request}, ISO-8859-1 encoded, as is. */
    public RawClient send(String request) throws IOException {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return this;
    }

    /** Reads one response; its body is {@code Content-Length} bytes, none for 1xx. */
    public Response read() throws IOException {
        return read(false);
    }

    /** Reads the response to a HEAD request: a head and no body, whatever Content-Length says. */
    public Response readHead() throws IOException {
        return read(true);
    }

    private Response read(boolean headRequest) throws IOException {
        String head = readHeadBytes();
        Response headOnly = new Response(head, new byte[0]);
        if (headRequest || headOnly.status() < 200) {
            return headOnly;
        }
        String length = headOnly.header("Content-Length");
        if (length == null) {
            throw new IOException("response without Content-Length: " + head);
        }
        return new Response(head, in.readNBytes(Integer.parseInt(length)));
    }

    /** Everything the server sends until it closes the connection. */
    public byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    /**
     * Whether the server closed the connection (end of stream, or a reset) within {@code within},
     * discarding anything it still sends; false if it was still open then.
     */
    public boolean closedWithin(Duration within) throws IOException {
        socket.setSoTimeout(Math.toIntExact(Math.max(1, within.toMillis())));
        try {
            while (in.read() >= 0) {
                // discard
            }
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        } finally {
            if (!socket.isClosed()) {
                socket.setSoTimeout(Math.toIntExact(TIMEOUT.toMillis()));
            }
        }
    }

    private String readHeadBytes() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed after " + head.size() + " bytes of a response head: "
                        + head.toString(StandardCharsets.ISO_8859_1));
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * One response as sent.
     *
     * @param head the status line and header fields, each with its CRLF, and the empty line
     * @param body the body bytes
     */
    public record Response(String head, byte[] body) {

        /** The status code. */
        public int status() {
            return Integer.parseInt(head.substring(9, 12));
        }

        /** The value of the first header field with this name (case-insensitive), or {@code null}. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return line.substring(prefix.length()).strip();
                }
            }
            return null;
        }

        /** The body as ISO-8859-1 text. */
        public String bodyText() {
            return new String(body, StandardCharsets.ISO_8859_1);
        }

        /** Head and body as ISO-8859-1 text, as on the wire. */
        public String text() {
            return head + bodyText();
        }
    }
}
