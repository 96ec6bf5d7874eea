package dev.concbench.client;

/** The Netty transport a {@link LoadClient} drives its connections with. */
public enum ClientTransport {
    /** Linux native epoll, through Netty's JNI transport. */
    EPOLL("epoll"),
    /** Java NIO selectors, available everywhere. */
    NIO("nio");

    private final String label;

    ClientTransport(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
