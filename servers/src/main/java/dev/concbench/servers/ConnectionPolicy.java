package dev.concbench.servers;

import dev.concbench.servers.http.HttpHandler;
import dev.concbench.servers.http.HttpRequest;
import dev.concbench.servers.http.HttpResponse;
import java.time.Duration;

/**
 * How every connection of ours (blocking, selector-based and Netty) answers a bug and ends, so
 * that the models differ only in how they schedule:
 *
 * <ul>
 *   <li>a bug in the application is reported and answered {@link #INTERNAL_ERROR} ({@code 500}),
 *       after which the connection closes ({@link #answer}, {@link #closesAfter});</li>
 *   <li>a connection that closes after an answer lingers: it half-closes, then reads and discards
 *       what the client still sends until the client closes, {@link #MAX_DRAIN_BYTES} are read or
 *       {@link #LINGER} passes, and only then closes, so that the client reads the answer rather
 *       than a reset.</li>
 * </ul>
 */
public final class ConnectionPolicy {

    /** How long a closing connection waits for the client to finish sending. */
    public static final Duration LINGER = Duration.ofSeconds(1);

    /** The most a closing connection reads and discards before it closes anyway. */
    public static final int MAX_DRAIN_BYTES = 256 * 1024;

    /** The answer to a request whose handler failed. */
    public static final HttpResponse INTERNAL_ERROR = HttpResponse.text(500, "internal error");

    private ConnectionPolicy() {
    }

    /** The handler's answer to {@code request}, or {@link #INTERNAL_ERROR} for a bug, which is reported. */
    public static HttpResponse answer(HttpHandler handler, HttpRequest request) {
        try {
            return handler.handle(request);
        } catch (RuntimeException bug) {
            ServerThreads.reportBug("the handler", bug);
            return INTERNAL_ERROR;
        }
    }

    /** Whether the connection closes after {@code response}: the client asked it to, or a bug answered. */
    public static boolean closesAfter(HttpRequest request, HttpResponse response) {
        return !request.keepAlive() || response == INTERNAL_ERROR;
    }
}
