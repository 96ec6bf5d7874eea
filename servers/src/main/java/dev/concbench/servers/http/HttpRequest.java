package dev.concbench.servers.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One parsed request.
 *
 * @param method    the method token, case-sensitive as sent (e.g. {@code GET})
 * @param target    the request target as sent
 * @param path      the path of the target, without the query ({@code *} for the asterisk form)
 * @param query     the raw query after {@code ?}, or {@code ""}
 * @param version   the HTTP version
 * @param headers   the header fields (chunked trailers are not included)
 * @param body      the body after transfer decoding; empty when there is none
 * @param keepAlive whether the connection may serve another request after this one
 */
public record HttpRequest(String method, String target, String path, String query,
                          HttpVersion version, HttpHeaders headers, byte[] body, boolean keepAlive) {

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
    }

    /** The decoded value of the first query parameter with this name, or {@code null}. */
    public String queryParameter(String name) {
        if (query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            if (decode(key).equals(name)) {
                return equals < 0 ? "" : decode(pair.substring(equals + 1));
            }
        }
        return null;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            return text;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpRequest that
                && method.equals(that.method) && target.equals(that.target)
                && path.equals(that.path) && query.equals(that.query)
                && version == that.version && headers.equals(that.headers)
                && Arrays.equals(body, that.body) && keepAlive == that.keepAlive;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, target, version, headers, Arrays.hashCode(body), keepAlive);
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version.text() + " " + headers + " body=" + body.length
                + " bytes" + (keepAlive ? "" : " close");
    }
}
