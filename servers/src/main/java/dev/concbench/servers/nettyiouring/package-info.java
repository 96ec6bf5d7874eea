/**
 * The {@code netty-iouring} model. This package holds only its registration,
 * {@link dev.concbench.servers.nettyiouring.NettyIoUringModel}; the server is
 * {@link dev.concbench.servers.netty.NettyServer} in {@code netty/}, on the io_uring
 * {@code NettyTransport}.
 */
package dev.concbench.servers.nettyiouring;
