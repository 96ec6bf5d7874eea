package dev.concbench.servers.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes response heads, the same bytes for every model. Stateless and thread-safe.
 *
 * <p>A head is, in this order: {@code HTTP/1.1 <status> <reason>}, {@code Server: concbench},
 * {@code Date}, {@code Content-Type}, {@code Content-Length}, {@code Allow} (405 only) and
 * {@code Connection} when {@link ConnectionHeader} says so, each line ending with CRLF, then an
 * empty line. A model that cannot use this class (the Netty reference) must send the same
 * headers in the same order.
 */
public final class ResponseEncoder {

    /** The value of the {@code Server} header. */
    public static final String SERVER_NAME = "concbench";

    /**
     * Room for the head of every response the application makes, except an echo of a long
     * request {@code Content-Type}: size a per-connection head buffer with it, and check
     * {@link #headLength} before encoding into it.
     */
    public static final int MAX_HEAD_BYTES = 1024;

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];

    /** What a response says about the connection. */
    public enum ConnectionHeader {
        /** HTTP/1.1 persistent: no header. */
        NONE(null),
        /** A kept-alive HTTP/1.0 request: {@code Connection: keep-alive}. */
        KEEP_ALIVE("keep-alive"),
        /** The server closes after this response: {@code Connection: close}. */
        CLOSE("close");

        private final String value;

        ConnectionHeader(String value) {
            this.value = value;
        }

        /** The header value, or {@code null} for no header. */
        public String value() {
            return value;
        }
    }

    private ResponseEncoder() {
    }

    /**
     * What the response to {@code request} says about the connection.
     *
     * @param request      the request, or {@code null} when the parser rejected it
     * @param serverCloses whether the server closes after this response whatever the request says
     */
    public static ConnectionHeader connectionHeader(HttpRequest request, boolean serverCloses) {
        if (serverCloses || request == null || !request.keepAlive()) {
            return ConnectionHeader.CLOSE;
        }
        return request.version() == HttpVersion.HTTP_1_0 ? ConnectionHeader.KEEP_ALIVE : ConnectionHeader.NONE;
    }

    /** Whether the response to {@code request} carries its body ({@code HEAD} does not). */
    public static boolean sendsBody(HttpRequest request) {
        return request == null || !request.method().equals("HEAD");
    }

    /** {@code HTTP/1.1 100 Continue}, as a fresh buffer to write. */
    public static ByteBuffer continueResponse() {
        return ByteBuffer.wrap(CONTINUE).asReadOnlyBuffer();
    }

    /** The exact number of bytes {@link #encodeHead} writes for this response. */
    public static int headLength(HttpResponse response, ConnectionHeader connection) {
        int length = "HTTP/1.1 200 ".length() + HttpStatus.reason(response.status()).length()
                + "\r\nServer: \r\nDate: ".length() + SERVER_NAME.length() + HttpDate.bytes().length
                + "\r\nContent-Type: ".length() + response.contentType().length()
                + "\r\nContent-Length: ".length() + decimalDigits(response.contentLength());
        if (response.allow() != null) {
            length += "\r\nAllow: ".length() + response.allow().length();
        }
        if (connection.value() != null) {
            length += "\r\nConnection: ".length() + connection.value().length();
        }
        return length + "\r\n\r\n".length();
    }

    /**
     * Writes the head of {@code response} into {@code out}, which is in write mode and has at
     * least {@link #headLength} bytes remaining.
     */
    public static void encodeHead(HttpResponse response, ConnectionHeader connection, ByteBuffer out) {
        put(out, "HTTP/1.1 ");
        putDecimal(out, response.status());
        out.put((byte) ' ');
        put(out, HttpStatus.reason(response.status()));
        put(out, "\r\nServer: " + SERVER_NAME + "\r\nDate: ");
        out.put(HttpDate.bytes());
        put(out, "\r\nContent-Type: ");
        put(out, response.contentType());
        put(out, "\r\nContent-Length: ");
        putDecimal(out, response.contentLength());
        if (response.allow() != null) {
            put(out, "\r\nAllow: ");
            put(out, response.allow());
        }
        if (connection.value() != null) {
            put(out, "\r\nConnection: ");
            put(out, connection.value());
        }
        put(out, "\r\n\r\n");
    }

    /** The body to send after the head: the response's body, or nothing for {@code HEAD}. */
    public static ByteBuffer body(HttpRequest request, HttpResponse response) {
        return sendsBody(request) ? response.body().duplicate() : ByteBuffer.wrap(EMPTY);
    }

    private static void put(ByteBuffer out, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            out.put((byte) ascii.charAt(i));
        }
    }

    private static int decimalDigits(int value) {
        return value >= 10 ? 1 + decimalDigits(value / 10) : 1;
    }

    private static void putDecimal(ByteBuffer out, int value) {
        if (value >= 10) {
            putDecimal(out, value / 10);
        }
        out.put((byte) ('0' + value % 10));
    }
}
