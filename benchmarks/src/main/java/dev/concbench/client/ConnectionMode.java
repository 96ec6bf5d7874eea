package dev.concbench.client;

/** How requests use connections. */
public enum ConnectionMode {
    /** Each connection carries request after request (HTTP/1.1 keep-alive), as wrk does. */
    KEEP_ALIVE("keep-alive"),
    /**
     * Each request opens a new connection, sends {@code Connection: close} and closes the connection
     * after the response: the cost of accepting a connection is part of every request (the blog's
     * pattern). Latency is measured from the start of the connect.
     */
    CLOSE("close");

    private final String label;

    ConnectionMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
