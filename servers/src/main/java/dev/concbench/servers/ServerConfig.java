package dev.concbench.servers;

import dev.concbench.servers.http.HttpLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How a server is started: where it listens, how many workers it uses, and the limits every model
 * shares. Immutable; the defaults live in {@link #defaults()}.
 *
 * @param host        the address to bind; {@code 127.0.0.1} by default
 * @param port        the port to bind, 0 for an ephemeral port
 * @param backlog     the listen backlog; 1024 by default (not Java's 50, which would refuse
 *                    connections under a burst long before any model is the bottleneck)
 * @param workers     the model's worker count (threads, event loops, processes; see
 *                    {@link ServerModel#workersMeaning()}), or {@link #MODEL_DEFAULT}
 * @param readTimeout how long a connection may stay silent, idle between requests or in the middle
 *                    of one, before the server closes it; 30 s by default
 * @param limits      the HTTP parser's limits
 */
public record ServerConfig(
        String host, int port, int backlog, int workers, Duration readTimeout, HttpLimits limits) {

    /** {@link #workers()} value that asks for the model's own default. */
    public static final int MODEL_DEFAULT = 0;

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_BACKLOG = 1024;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(limits, "limits");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (backlog < 1) {
            throw new IllegalArgumentException("backlog must be at least 1, was " + backlog);
        }
        if (workers < 0) {
            throw new IllegalArgumentException("workers must be positive (or 0 for the model's default), was " + workers);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive, was " + readTimeout);
        }
    }

    /** Loopback, ephemeral port, backlog 1024, the model's default workers, 30 s read timeout. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, 0, DEFAULT_BACKLOG, MODEL_DEFAULT, DEFAULT_READ_TIMEOUT,
                HttpLimits.defaults());
    }

    public ServerConfig withHost(String newHost) {
        return new ServerConfig(newHost, port, backlog, workers, readTimeout, limits);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, backlog, workers, readTimeout, limits);
    }

    public ServerConfig withBacklog(int newBacklog) {
        return new ServerConfig(host, port, newBacklog, workers, readTimeout, limits);
    }

    public ServerConfig withWorkers(int newWorkers) {
        return new ServerConfig(host, port, backlog, newWorkers, readTimeout, limits);
    }

    public ServerConfig withReadTimeout(Duration newReadTimeout) {
        return new ServerConfig(host, port, backlog, workers, newReadTimeout, limits);
    }

    public ServerConfig withLimits(HttpLimits newLimits) {
        return new ServerConfig(host, port, backlog, workers, readTimeout, newLimits);
    }

    /** The worker count to use: {@link #workers()}, or the model's default when that is 0. */
    public int workersOr(int modelDefault) {
        return workers == MODEL_DEFAULT ? modelDefault : workers;
    }
}
