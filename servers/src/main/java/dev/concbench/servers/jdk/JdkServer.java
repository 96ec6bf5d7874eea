package dev.concbench.servers.jdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.concbench.servers.OneShotServer;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerReport;
import dev.concbench.servers.ServerThreads;
import dev.concbench.servers.app.Application;
import dev.concbench.servers.http.HttpException;
import dev.concbench.servers.http.HttpHandler;
import dev.concbench.servers.http.HttpHeaders;
import dev.concbench.servers.http.HttpRequest;
import dev.concbench.servers.http.HttpResponse;
import dev.concbench.servers.http.HttpVersion;
import dev.concbench.servers.http.RequestRules;
import dev.concbench.servers.http.ResponseEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A reference: the JDK's own {@link HttpServer} ({@code com.sun.net.httpserver}), serving the same
 * application through the JDK's HTTP code. The JDK's dispatcher thread ({@code HTTP-Dispatcher},
 * which the JDK makes and names itself) accepts and reads every connection with one selector; the
 * {@link Dispatch} decides where the application then runs.
 *
 * <p>What the JDK decides, and our codec does not: the parsing and the rejection of bad requests
 * (answered by the JDK's rules, not ours), the read timeouts (the JDK's, set per JVM through
 * {@code sun.net.httpserver.*} system properties, not {@link ServerConfig#readTimeout()}), and the
 * response head: the JDK adds {@code Date} and {@code Content-length} itself, names headers with
 * one capital ({@code Content-type}) and writes them in its own order. The application's answers
 * (status, body and every header value) are ours; the target, framing and body-size rules of our
 * codec are applied to what the JDK parsed.
 *
 * <p>{@link #close()} interrupts the handlers running (on the dispatcher itself for {@code jdk}),
 * stops the JDK server at once ({@code stop(0)}: listener and connections closed, dispatcher
 * joined), then interrupts the executor's threads and waits for them to end (joining the pool's).
 */
public final class JdkServer extends OneShotServer {

    /** Where the JDK server runs the application. */
    public enum Dispatch {
        /** On the dispatcher thread itself, the JDK's default executor: one request at a time. */
        DISPATCHER,
        /** On a fixed pool of platform threads. */
        POOL,
        /** On a new virtual thread per exchange. */
        VIRTUAL
    }

    private static final long JOIN_TIMEOUT_MILLIS = 5_000;

    private final String model;
    private final ServerConfig config;
    private final Dispatch dispatch;
    private final int poolThreads;
    private final HttpHandler application = new Application();
    /** The pool's threads, to join on close (a bounded list: the virtual threads are not kept). */
    private final List<Thread> poolThreadsMade = new CopyOnWriteArrayList<>();
    /** The threads running the application now, the JDK's dispatcher among them for {@code jdk}. */
    private final Set<Thread> handling = ConcurrentHashMap.newKeySet();

    private HttpServer server;
    private ExecutorService executor;

    /**
     * @param poolThreads the pool's size for {@link Dispatch#POOL}; ignored otherwise
     */
    public JdkServer(String model, ServerConfig config, Dispatch dispatch, int poolThreads) {
        this.model = model;
        this.config = config;
        this.dispatch = dispatch;
        this.poolThreads = poolThreads;
    }

    @Override
    protected InetSocketAddress open() throws IOException {
        server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), config.backlog());
        server.createContext("/", this::exchange);
        executor = switch (dispatch) {
            case DISPATCHER -> null;
            case POOL -> Executors.newFixedThreadPool(poolThreads, joinedOnClose(ServerThreads.platform(model, "worker")));
            // Not kept: one per exchange, a list of them all would grow without end; the
            // executor's own termination waits for those still running.
            case VIRTUAL -> Executors.newThreadPerTaskExecutor(ServerThreads.virtual(model, "exchange"));
        };
        server.setExecutor(executor);
        server.start();
        return server.getAddress();
    }

    private ThreadFactory joinedOnClose(ThreadFactory threads) {
        return task -> {
            Thread thread = threads.newThread(task);
            poolThreadsMade.add(thread);
            return thread;
        };
    }

    @Override
    public ServerReport report() {
        return dispatch == Dispatch.POOL ? ServerReport.workers(poolThreads) : ServerReport.NONE;
    }

    @Override
    protected void release() {
        if (server != null) {
            handling.forEach(Thread::interrupt); // a sleep cut short: stop() joins the dispatcher
            server.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(JOIN_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                for (Thread thread : poolThreadsMade) {
                    thread.join(JOIN_TIMEOUT_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        handling.add(Thread.currentThread());
        try (exchange) {
            HttpRequest request;
            HttpResponse response;
            try {
                request = request(exchange);
                response = application.handle(request);
            } catch (HttpException e) {
                request = null;
                response = HttpResponse.error(e);
            }
            respond(exchange, request, response);
        } finally {
            handling.remove(Thread.currentThread());
        }
    }

    /** The application's request, from what the JDK parsed, checked by our codec's rules. */
    private HttpRequest request(HttpExchange exchange) throws IOException, HttpException {
        String method = exchange.getRequestMethod();
        String target = exchange.getRequestURI().toString();
        HttpVersion version = exchange.getProtocol().equalsIgnoreCase("HTTP/1.0") ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, all) -> all.forEach(value -> {
            names.add(name);
            values.add(value);
        }));
        HttpHeaders headers = HttpHeaders.of(names, values);
        RequestRules.Target split = RequestRules.target(method, target);
        RequestRules.framing(version, headers, config.limits());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(config.limits().maxBodyBytes() + 1);
        }
        if (body.length > config.limits().maxBodyBytes()) {
            throw RequestRules.bodyTooLarge(config.limits());
        }
        return new HttpRequest(method, target, split.path(), split.query(), version, headers, body,
                RequestRules.keepAlive(version, headers));
    }

    private static void respond(HttpExchange exchange, HttpRequest request, HttpResponse response) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("Server", ResponseEncoder.SERVER_NAME);
        headers.set("Content-Type", response.contentType());
        if (response.allow() != null) {
            headers.set("Allow", response.allow());
        }
        String connection = ResponseEncoder.connectionHeader(request, false).value();
        if (connection != null) {
            headers.set("Connection", connection);
        }
        ByteBuffer body = ResponseEncoder.body(request, response);
        if (!ResponseEncoder.sendsBody(request)) { // the JDK leaves the length of a HEAD answer out
            headers.set("Content-Length", Integer.toString(response.contentLength()));
        }
        // -1 is the JDK's "no body"; 0 would be "chunked"
        exchange.sendResponseHeaders(response.status(), body.hasRemaining() ? body.remaining() : -1);
        if (body.hasRemaining()) {
            try (OutputStream out = exchange.getResponseBody()) {
                byte[] bytes = new byte[body.remaining()];
                body.get(bytes);
                out.write(bytes);
            }
        }
    }
}
