/**
 * The {@code thread} model: a new platform thread per accepted connection, blocking I/O. This
 * package holds only its registration, {@link dev.concbench.servers.thread.ThreadPerConnectionModel};
 * the server is {@link dev.concbench.servers.blocking.ThreadPerConnectionServer} in {@code blocking/},
 * shared with {@code virtual}, which differs only in the kind of thread its factory makes.
 */
package dev.concbench.servers.thread;
