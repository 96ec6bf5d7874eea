package dev.concbench.servers.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.concbench.servers.http.HttpHandler;
import dev.concbench.servers.http.HttpRequest;
import dev.concbench.servers.http.HttpResponse;
import java.nio.ByteBuffer;

/**
 * The application every model serves, chosen by path. Thread-safe and stateless per request.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><th>request</th><th>response</th></tr>
 *   <tr><td>{@code GET /hello}</td><td>{@code Hello, World!} as text/plain</td></tr>
 *   <tr><td>{@code GET /json}</td><td>{@code {"message":"Hello, World!"}}, serialized by Jackson
 *       per request</td></tr>
 *   <tr><td>{@code GET /sleep?ms=N}</td><td>blocks the serving thread N ms (0..60000), the blog's
 *       blocking call</td></tr>
 *   <tr><td>{@code GET /cpu?us=N}</td><td>burns about N µs of CPU (0..1000000) on work whose result
 *       is in the body</td></tr>
 *   <tr><td>{@code GET /bytes?n=N}</td><td>N bytes (0..16 MiB) of application/octet-stream</td></tr>
 *   <tr><td>{@code POST /echo}</td><td>the request body, with the request's Content-Type</td></tr>
 * </table>
 *
 * <p>{@code HEAD} is answered like {@code GET} (the codec drops the body). A missing or bad
 * parameter gets 400 with a one-line reason, an unknown path 404, a known path with another method
 * 405 with {@code Allow}.
 */
public final class Application implements HttpHandler {

    public static final int MAX_SLEEP_MS = 60_000;
    public static final int MAX_CPU_US = 1_000_000;
    public static final int MAX_BYTES = 16 * 1024 * 1024;

    private static final String GET_METHODS = "GET, HEAD";
    private static final HttpResponse HELLO = HttpResponse.text(200, "Hello, World!");

    /**
     * Jackson's mapper, made on the first {@code /json}: a process-model worker that serves one
     * other request does not pay the tens of milliseconds it takes to make.
     */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The body of {@code GET /json}. */
    public record Message(String message) {
    }

    @Override
    public HttpResponse handle(HttpRequest request) {
        return switch (request.path()) {
            case "/hello" -> get(request) ? HELLO : notAllowed(GET_METHODS);
            case "/json" -> get(request) ? json() : notAllowed(GET_METHODS);
            case "/sleep" -> get(request) ? sleep(request) : notAllowed(GET_METHODS);
            case "/cpu" -> get(request) ? cpu(request) : notAllowed(GET_METHODS);
            case "/bytes" -> get(request) ? bytes(request) : notAllowed(GET_METHODS);
            case "/echo" -> request.method().equals("POST") ? echo(request) : notAllowed("POST");
            default -> HttpResponse.text(404, "no such path: " + request.path());
        };
    }

    private static boolean get(HttpRequest request) {
        return request.method().equals("GET") || request.method().equals("HEAD");
    }

    private static HttpResponse notAllowed(String allow) {
        return new HttpResponse(405, "text/plain", HttpResponse.text(405, "method not allowed").body(), allow);
    }

    private static HttpResponse json() {
        try {
            return HttpResponse.of(200, "application/json", Json.MAPPER.writeValueAsBytes(new Message("Hello, World!")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a constant message", e);
        }
    }

    private static HttpResponse sleep(HttpRequest request) {
        return withParameter(request, "ms", MAX_SLEEP_MS, ms -> {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the server is closing
                return HttpResponse.text(503, "interrupted while sleeping");
            }
            return HttpResponse.text(200, "slept " + ms + " ms");
        });
    }

    private static HttpResponse cpu(HttpRequest request) {
        return withParameter(request, "us", MAX_CPU_US,
                us -> HttpResponse.text(200, "cpu " + us + " us: " + Long.toHexString(CpuWork.burn(us))));
    }

    private static HttpResponse bytes(HttpRequest request) {
        return withParameter(request, "n", MAX_BYTES, n -> new HttpResponse(200, "application/octet-stream",
                Payload.first(n), null));
    }

    private static HttpResponse echo(HttpRequest request) {
        String type = request.headers().get("Content-Type");
        return new HttpResponse(200, type == null || type.isEmpty() ? "application/octet-stream" : type,
                ByteBuffer.wrap(request.body()), null);
    }

    private interface IntHandler {
        HttpResponse handle(int value);
    }

    private static HttpResponse withParameter(HttpRequest request, String name, int max, IntHandler handler) {
        String text = request.queryParameter(name);
        if (text == null || text.isEmpty()) {
            return HttpResponse.text(400, "missing parameter " + name);
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > max) {
            return HttpResponse.text(400, name + " must be an integer from 0 to " + max);
        }
        return handler.handle(value);
    }
}
