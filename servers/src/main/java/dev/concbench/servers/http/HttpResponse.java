package dev.concbench.servers.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What the application answers: a status, a content type and a body. The codec adds the framing
 * headers ({@code Server}, {@code Date}, {@code Content-Length}, {@code Connection}).
 *
 * @param status      the status code
 * @param contentType the {@code Content-Type} value
 * @param body        the body, read from its position to its limit; shared and never modified, so
 *                    a response may be reused across requests (read it through
 *                    {@link ByteBuffer#duplicate()})
 * @param allow       the {@code Allow} value of a 405 response, or {@code null}
 */
public record HttpResponse(int status, String contentType, ByteBuffer body, String allow) {

    public HttpResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("final status expected, was " + status);
        }
        body = body.asReadOnlyBuffer();
    }

    /** A {@code text/plain} response. */
    public static HttpResponse text(int status, String text) {
        return of(status, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    /** A response with the given body bytes (not copied: do not modify them afterwards). */
    public static HttpResponse of(int status, String contentType, byte[] body) {
        return new HttpResponse(status, contentType, ByteBuffer.wrap(body), null);
    }

    /** The response to a request the parser rejected: the status and the one-line reason. */
    public static HttpResponse error(HttpException e) {
        return text(e.status(), e.getMessage());
    }

    /** The number of body bytes. */
    public int contentLength() {
        return body.remaining();
    }
}
