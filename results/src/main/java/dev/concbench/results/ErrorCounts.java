package dev.concbench.results;

/**
 * Failed requests by kind, counted by the load client over the measurement iterations. A failed
 * request never counts as throughput.
 *
 * @param connect could not connect (refused, reset during connect)
 * @param read    the connection failed or closed while reading a response
 * @param write   the connection failed while sending a request
 * @param timeout no complete response within the client's timeout
 * @param status  a response with an unexpected status code
 * @param body      a well-framed response whose body or length was not what the application sends
 * @param malformed a response that broke HTTP/1.1 framing (bad status line, headers or chunking);
 *                  schema 1 counted these under {@code body}, and reads as 0
 */
public record ErrorCounts(long connect, long read, long write, long timeout, long status, long body, long malformed) {

    /** No errors. */
    public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0, 0, 0, 0);

    public ErrorCounts {
        Checks.notNegative(connect, "errors connect");
        Checks.notNegative(read, "errors read");
        Checks.notNegative(write, "errors write");
        Checks.notNegative(timeout, "errors timeout");
        Checks.notNegative(status, "errors status");
        Checks.notNegative(body, "errors body");
        Checks.notNegative(malformed, "errors malformed");
    }

    /** All errors together. */
    public long total() {
        return connect + read + write + timeout + status + body + malformed;
    }
}
