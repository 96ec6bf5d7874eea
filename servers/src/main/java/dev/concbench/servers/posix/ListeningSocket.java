package dev.concbench.servers.posix;

import static dev.concbench.servers.posix.Native.INT;
import static dev.concbench.servers.posix.Native.POINTER;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteOrder;

/**
 * A TCP listening socket made with the C library rather than {@link java.net.ServerSocket}, so
 * that its descriptor and those of the connections it accepts are plain numbers that
 * {@link ProcessSpawner} can hand to a child process. Every descriptor is close-on-exec.
 *
 * <p>Thread-safe. {@link #accept()} blocks in native code, where {@link Thread#interrupt()} does
 * not reach: {@link #stopAccepting()} wakes it. Close only after every accepting thread has
 * returned, so that the descriptor number is not reused under a thread still in {@code accept}.
 */
public final class ListeningSocket implements AutoCloseable {

    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_REUSEADDR = 2;
    private static final int SHUT_RDWR = 2;
    private static final int SOCKADDR_STORAGE_BYTES = 128;
    private static final ValueLayout.OfShort NETWORK_SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private static final MethodHandle SOCKET =
            Native.withErrno("socket", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle SETSOCKOPT =
            Native.withErrno("setsockopt", FunctionDescriptor.of(INT, INT, INT, INT, POINTER, INT));
    private static final MethodHandle BIND = Native.withErrno("bind", FunctionDescriptor.of(INT, INT, POINTER, INT));
    private static final MethodHandle LISTEN = Native.withErrno("listen", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle ACCEPT4 =
            Native.withErrno("accept4", FunctionDescriptor.of(INT, INT, POINTER, POINTER, INT));
    private static final MethodHandle GETSOCKNAME =
            Native.withErrno("getsockname", FunctionDescriptor.of(INT, INT, POINTER, POINTER));
    private static final MethodHandle SHUTDOWN = Native.withErrno("shutdown", FunctionDescriptor.of(INT, INT, INT));

    private final Descriptor descriptor;
    private final InetSocketAddress localAddress;
    private volatile boolean stopped;
    private boolean closed; // guarded by this

    private ListeningSocket(Descriptor descriptor, InetSocketAddress localAddress) {
        this.descriptor = descriptor;
        this.localAddress = localAddress;
    }

    /**
     * Binds and listens, with {@code SO_REUSEADDR} as {@link java.net.ServerSocket} has it on Linux.
     *
     * @throws BindException if the address is in use or cannot be assigned
     * @throws IOException if the socket cannot be made or the platform is not supported
     */
    public static ListeningSocket open(InetSocketAddress address, int backlog) throws IOException {
        Native.requireSupported();
        if (address.isUnresolved()) {
            throw new SocketException("cannot resolve " + address.getHostString());
        }
        InetAddress host = address.getAddress();
        int family = host instanceof Inet6Address ? AF_INET6 : AF_INET;
        Descriptor socket = new Descriptor((int) Native.call("socket",
                state -> (int) SOCKET.invokeExact(state, family, SOCK_STREAM | SOCK_CLOEXEC, 0)));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(INT, 1);
            Native.call("setsockopt(SO_REUSEADDR)", state ->
                    (int) SETSOCKOPT.invokeExact(state, socket.number(), SOL_SOCKET, SO_REUSEADDR, one, (int) INT.byteSize()));
            MemorySegment sockaddr = socketAddress(arena, host, address.getPort());
            try {
                Native.call("bind", state ->
                        (int) BIND.invokeExact(state, socket.number(), sockaddr, (int) sockaddr.byteSize()));
            } catch (PosixException e) {
                BindException bind = new BindException(e.getMessage().replaceFirst("^bind", "bind " + address));
                bind.initCause(e);
                throw bind;
            }
            Native.call("listen", state -> (int) LISTEN.invokeExact(state, socket.number(), backlog));
            return new ListeningSocket(socket, boundAddress(arena, socket));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The bound address, with the actual port when port 0 was asked for. */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /** The listening descriptor itself, to share with worker processes. */
    public Descriptor descriptor() {
        return descriptor;
    }

    /**
     * Waits for the next connection and returns its descriptor, close-on-exec; the caller owns it.
     *
     * @throws SocketException once {@link #stopAccepting()} was called
     * @throws PosixException if accepting failed, e.g. {@code EMFILE}; the socket still listens
     */
    public Descriptor accept() throws IOException {
        if (stopped) {
            throw new SocketException("the listening socket was stopped");
        }
        try {
            return new Descriptor((int) Native.call("accept4", state -> (int) ACCEPT4.invokeExact(
                    state, descriptor.number(), MemorySegment.NULL, MemorySegment.NULL, SOCK_CLOEXEC)));
        } catch (PosixException e) {
            if (stopped) {
                throw new SocketException("the listening socket was stopped");
            }
            throw e;
        }
    }

    /**
     * Stops listening: connections that arrive from now on are refused, those waiting in the
     * backlog are reset, and every thread blocked in {@link #accept()} returns with an exception.
     */
    public synchronized void stopAccepting() {
        stopped = true;
        if (closed) {
            return; // the number may name another descriptor by now
        }
        try {
            Native.call("shutdown", state -> (int) SHUTDOWN.invokeExact(state, descriptor.number(), SHUT_RDWR));
        } catch (PosixException e) {
            // not connected, or already shut down: nothing is waiting then
        }
    }

    /** Stops accepting and closes the descriptor; see the class documentation for when to call it. Idempotent. */
    @Override
    public synchronized void close() {
        stopAccepting();
        closed = true;
        descriptor.close();
    }

    private static MemorySegment socketAddress(Arena arena, InetAddress host, int port) {
        byte[] raw = host.getAddress();
        if (host instanceof Inet4Address) {
            MemorySegment sockaddr = arena.allocate(16, 8); // struct sockaddr_in
            sockaddr.set(Native.SHORT, 0, (short) AF_INET);
            sockaddr.set(NETWORK_SHORT, 2, (short) port);
            MemorySegment.copy(raw, 0, sockaddr, ValueLayout.JAVA_BYTE, 4, raw.length);
            return sockaddr;
        }
        MemorySegment sockaddr = arena.allocate(28, 8); // struct sockaddr_in6
        sockaddr.set(Native.SHORT, 0, (short) AF_INET6);
        sockaddr.set(NETWORK_SHORT, 2, (short) port);
        MemorySegment.copy(raw, 0, sockaddr, ValueLayout.JAVA_BYTE, 8, raw.length);
        sockaddr.set(INT, 24, ((Inet6Address) host).getScopeId());
        return sockaddr;
    }

    private static InetSocketAddress boundAddress(Arena arena, Descriptor socket) throws IOException {
        MemorySegment sockaddr = arena.allocate(SOCKADDR_STORAGE_BYTES, 8);
        MemorySegment length = arena.allocateFrom(INT, SOCKADDR_STORAGE_BYTES);
        Native.call("getsockname", state -> (int) GETSOCKNAME.invokeExact(state, socket.number(), sockaddr, length));
        int family = Short.toUnsignedInt(sockaddr.get(Native.SHORT, 0));
        int port = Short.toUnsignedInt(sockaddr.get(NETWORK_SHORT, 2));
        byte[] raw = family == AF_INET
                ? sockaddr.asSlice(4, 4).toArray(ValueLayout.JAVA_BYTE)
                : sockaddr.asSlice(8, 16).toArray(ValueLayout.JAVA_BYTE);
        return new InetSocketAddress(InetAddress.getByAddress(raw), port);
    }
}
