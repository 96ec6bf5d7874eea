package dev.concbench.servers.http;

/**
 * Turns a request into a response. Called by a model on whatever thread the model schedules it
 * on, possibly by many threads at once: implementations must be thread-safe. A runtime exception
 * thrown here is a bug; the model answers 500 with {@code Connection: close} and logs it.
 */
@FunctionalInterface
public interface HttpHandler {

    HttpResponse handle(HttpRequest request);
}
