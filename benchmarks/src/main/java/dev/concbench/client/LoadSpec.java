package dev.concbench.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * One load run: where, what, how much and how the responses are checked. Immutable; the defaults
 * live in {@link #closedLoop(InetSocketAddress, int, Duration)}, the rest is changed with the
 * {@code with...} methods.
 *
 * @param target                 the server's address (resolved)
 * @param request                the request every connection sends
 * @param model                  closed or open loop, and the number of connections
 * @param length                 how long, or how many requests, the measurement lasts
 * @param warmup                 load applied before the measurement and excluded from every figure:
 *                               in a timed run what ends during the warm-up is not counted, in a
 *                               counted run what was issued during the warm-up is not
 * @param connectionMode         keep-alive, or a new connection per request
 * @param pipelineDepth          requests in flight per connection (1: no pipelining)
 * @param slowSend               the slow-client mode; {@link SlowSend#NONE} by default
 * @param requestTimeout         how long a sent request may wait for its complete response before
 *                               it counts as {@link ErrorKind#TIMEOUT} and its connection is closed;
 *                               also the connect timeout
 * @param check                  what a response must be to count as a success
 * @param maxConsecutiveFailures how many connection failures in a row (connects that fail,
 *                               connections lost with requests in flight) one connection may have
 *                               before it gives up for the rest of the run; an answer resets the count
 */
public record LoadSpec(
        InetSocketAddress target,
        Request request,
        LoadModel model,
        RunLength length,
        Duration warmup,
        ConnectionMode connectionMode,
        int pipelineDepth,
        SlowSend slowSend,
        Duration requestTimeout,
        ResponseCheck check,
        int maxConsecutiveFailures) {

    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_CONSECUTIVE_FAILURES = 10;
    public static final int MAX_PIPELINE_DEPTH = 1024;

    public LoadSpec {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(connectionMode, "connectionMode");
        Objects.requireNonNull(slowSend, "slowSend");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(check, "check");
        if (target.isUnresolved()) {
            throw new IllegalArgumentException("target must be a resolved address, was " + target);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must not be negative, was " + warmup);
        }
        if (pipelineDepth < 1 || pipelineDepth > MAX_PIPELINE_DEPTH) {
            throw new IllegalArgumentException("pipelineDepth must be 1.." + MAX_PIPELINE_DEPTH + ", was " + pipelineDepth);
        }
        if (pipelineDepth > 1 && connectionMode == ConnectionMode.CLOSE) {
            throw new IllegalArgumentException("pipelining needs keep-alive connections");
        }
        if (pipelineDepth > 1 && slowSend.isSlow()) {
            throw new IllegalArgumentException("the slow-client mode sends one request at a time: pipelineDepth must be 1");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, was " + requestTimeout);
        }
        if (slowSend.isSlow() && slowSend.sendTime().compareTo(requestTimeout) >= 0) {
            throw new IllegalArgumentException("the slow-client mode takes " + slowSend.sendTime().toMillis()
                    + " ms to send a request: requestTimeout (" + requestTimeout.toMillis() + " ms) must be longer");
        }
        if (maxConsecutiveFailures < 1) {
            throw new IllegalArgumentException("maxConsecutiveFailures must be at least 1, was " + maxConsecutiveFailures);
        }
        int requestBytes = request.encode(authority(target), connectionMode == ConnectionMode.CLOSE).length;
        if (slowSend.pieces() > requestBytes) {
            throw new IllegalArgumentException("cannot send a request of " + requestBytes + " bytes in "
                    + slowSend.pieces() + " pieces");
        }
    }

    /**
     * A closed loop of {@code connections} keep-alive connections sending {@code GET /} for
     * {@code duration}: no warm-up, no pipelining, 2 s request timeout, status 200 expected.
     */
    public static LoadSpec closedLoop(InetSocketAddress target, int connections, Duration duration) {
        return new LoadSpec(target, Request.get("/"), new LoadModel.ClosedLoop(connections), RunLength.of(duration),
                Duration.ZERO, ConnectionMode.KEEP_ALIVE, 1, SlowSend.NONE, DEFAULT_REQUEST_TIMEOUT,
                ResponseCheck.status(200), DEFAULT_MAX_CONSECUTIVE_FAILURES);
    }

    /** The {@code Host} header value for this target, e.g. {@code 127.0.0.1:8080} or {@code [::1]:80}. */
    public static String authority(InetSocketAddress target) {
        String host = target.getHostString();
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        return host + ":" + target.getPort();
    }

    /** The request's bytes on the wire for this spec. */
    public byte[] encodedRequest() {
        return request.encode(authority(target), connectionMode == ConnectionMode.CLOSE);
    }

    /** The same load against another server (the request's Host header follows it). */
    public LoadSpec withTarget(InetSocketAddress newTarget) {
        return new LoadSpec(newTarget, request, model, length, warmup, connectionMode, pipelineDepth, slowSend,
                requestTimeout, check, maxConsecutiveFailures);
    }

    public LoadSpec withRequest(Request newRequest) {
        return new LoadSpec(target, newRequest, model, length, warmup, connectionMode, pipelineDepth, slowSend,
                requestTimeout, check, maxConsecutiveFailures);
    }

    public LoadSpec withModel(LoadModel newModel) {
        return new LoadSpec(target, request, newModel, length, warmup, connectionMode, pipelineDepth, slowSend,
                requestTimeout, check, maxConsecutiveFailures);
    }

    public LoadSpec withLength(RunLength newLength) {
        return new LoadSpec(target, request, model, newLength, warmup, connectionMode, pipelineDepth, slowSend,
                requestTimeout, check, maxConsecutiveFailures);
    }

    public LoadSpec withWarmup(Duration newWarmup) {
        return new LoadSpec(target, request, model, length, newWarmup, connectionMode, pipelineDepth, slowSend,
                requestTimeout, check, maxConsecutiveFailures);
    }

    public LoadSpec withConnectionMode(ConnectionMode newMode) {
        return new LoadSpec(target, request, model, length, warmup, newMode, pipelineDepth, slowSend,
                requestTimeout, check, maxConsecutiveFailures);
    }

    public LoadSpec withPipelineDepth(int newDepth) {
        return new LoadSpec(target, request, model, length, warmup, connectionMode, newDepth, slowSend,
                requestTimeout, check, maxConsecutiveFailures);
    }

    public LoadSpec withSlowSend(SlowSend newSlowSend) {
        return new LoadSpec(target, request, model, length, warmup, connectionMode, pipelineDepth, newSlowSend,
                requestTimeout, check, maxConsecutiveFailures);
    }

    public LoadSpec withRequestTimeout(Duration newTimeout) {
        return new LoadSpec(target, request, model, length, warmup, connectionMode, pipelineDepth, slowSend,
                newTimeout, check, maxConsecutiveFailures);
    }

    public LoadSpec withCheck(ResponseCheck newCheck) {
        return new LoadSpec(target, request, model, length, warmup, connectionMode, pipelineDepth, slowSend,
                requestTimeout, newCheck, maxConsecutiveFailures);
    }

    public LoadSpec withMaxConsecutiveFailures(int newMax) {
        return new LoadSpec(target, request, model, length, warmup, connectionMode, pipelineDepth, slowSend,
                requestTimeout, check, newMax);
    }
}
