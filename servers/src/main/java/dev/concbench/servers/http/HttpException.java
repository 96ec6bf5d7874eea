package dev.concbench.servers.http;

/**
 * The peer sent a request that breaks RFC 9112 or one of the {@link HttpLimits}: it is answered
 * with {@link #status()} and {@code Connection: close}. The message is a one-line reason, sent as
 * the response body.
 */
public final class HttpException extends Exception {

    private final int status;

    public HttpException(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    /** The 4xx or 5xx status to answer with. */
    public int status() {
        return status;
    }
}
