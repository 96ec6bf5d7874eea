package dev.concbench.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The request every connection sends, encoded once per run. The client adds {@code Host} (unless
 * given), {@code Content-Length} (when there is a body, or the method usually has one) and, in
 * {@link ConnectionMode#CLOSE}, {@code Connection: close}; those framing headers cannot be set here.
 *
 * @param method  the method token, e.g. {@code GET}
 * @param target  the request target: an origin-form path with an optional query, e.g. {@code /sleep?ms=5}
 * @param headers extra headers, in order
 * @param body    the body, possibly empty (copied in and out)
 */
public record Request(String method, String target, List<Header> headers, byte[] body) {

    /** Headers whose value the client decides, because they frame the message or the connection. */
    private static final Set<String> RESERVED = Set.of("content-length", "transfer-encoding", "connection");
    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    /** One request header. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty() || !name.chars().allMatch(Request::isTokenChar)) {
                throw new IllegalArgumentException("invalid header name '" + name + "'");
            }
            if (value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0 || c > 0xFF)) {
                throw new IllegalArgumentException("invalid characters in the value of header " + name);
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("header " + name + " is set by the client (see --close and --body)");
            }
        }
    }

    public Request {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        if (method.isEmpty() || !method.chars().allMatch(Request::isTokenChar)) {
            throw new IllegalArgumentException("invalid method '" + method + "'");
        }
        if (!target.startsWith("/") || target.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
            throw new IllegalArgumentException("the request target must be a path starting with '/' without spaces or"
                    + " control characters, was '" + target + "'");
        }
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /** A GET of this target without extra headers. */
    public static Request get(String target) {
        return new Request("GET", target, List.of(), new byte[0]);
    }

    public Request withMethod(String newMethod) {
        return new Request(newMethod, target, headers, body);
    }

    public Request withHeader(String name, String value) {
        List<Header> more = new ArrayList<>(headers);
        more.add(new Header(name, value));
        return new Request(method, target, more, body);
    }

    public Request withBody(byte[] newBody) {
        return new Request(method, target, headers, newBody);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Whether responses to this request carry no body whatever their headers say (HEAD). */
    public boolean expectsBodylessResponses() {
        return method.equals("HEAD");
    }

    /**
     * The request's bytes on the wire.
     *
     * @param authority       the {@code Host} header's value unless a {@code Host} header was given
     * @param closeConnection whether to ask the server to close the connection after the response
     */
    public byte[] encode(String authority, boolean closeConnection) {
        StringBuilder head = new StringBuilder(128);
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (headers.stream().noneMatch(h -> h.name().equalsIgnoreCase("host"))) {
            head.append("Host: ").append(authority).append("\r\n");
        }
        for (Header header : headers) {
            head.append(header.name()).append(": ").append(header.value()).append("\r\n");
        }
        if (body.length > 0 || METHODS_WITH_BODY.contains(method)) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (closeConnection) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(head.length() + body.length);
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(body);
        return bytes.toByteArray();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Request that && method.equals(that.method) && target.equals(that.target)
                && headers.equals(that.headers) && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, target, headers, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return method + " " + target + (headers.isEmpty() ? "" : " " + headers)
                + (body.length == 0 ? "" : " (" + body.length + " body bytes)");
    }

    private static boolean isTokenChar(int c) {
        return c > ' ' && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
