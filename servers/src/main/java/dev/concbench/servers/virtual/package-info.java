/**
 * The {@code virtual} model: a virtual thread per accepted connection, blocking I/O. This package
 * holds only its registration, {@link dev.concbench.servers.virtual.VirtualThreadModel}; the server
 * is {@link dev.concbench.servers.blocking.ThreadPerConnectionServer} in {@code blocking/}, shared
 * with {@code thread}, which differs only in the kind of thread its factory makes.
 */
package dev.concbench.servers.virtual;
