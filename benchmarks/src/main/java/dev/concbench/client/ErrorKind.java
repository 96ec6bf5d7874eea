package dev.concbench.client;

/**
 * Why a request failed. Every request the client issues ends in exactly one outcome: a verified
 * response, an error of one of these kinds, or unfinished when the measurement ended. Errors are
 * never counted as throughput.
 *
 * <p>{@link #CONNECT} is counted per failed connection attempt; every other kind per request.
 */
public enum ErrorKind {
    /** A connection could not be opened: refused, unreachable, or the connect timed out. */
    CONNECT("connect"),
    /** The connection was reset, failed or was closed by the server while a request waited for its response. */
    READ("read"),
    /** The connection was reset, failed or was closed before the request had been completely sent. */
    WRITE("write"),
    /** No complete response arrived within the request timeout; the connection is then closed. */
    TIMEOUT("timeout"),
    /** A complete response came with another status than the expected one. */
    STATUS("status"),
    /** The body was cut short by the server closing the connection, or had another length or checksum than expected. */
    BODY("body"),
    /** The response broke HTTP/1.1: status line, headers or chunk framing; the connection is then closed. */
    MALFORMED("malformed");

    private final String label;

    ErrorKind(String label) {
        this.label = label;
    }

    /** The short lower-case name used in reports and JSON. */
    public String label() {
        return label;
    }

    /** What a failure says of itself, for the first message of its kind: its message, else its type. */
    static String messageOf(Throwable cause) {
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
