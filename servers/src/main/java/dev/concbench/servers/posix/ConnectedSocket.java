package dev.concbench.servers.posix;

import static dev.concbench.servers.posix.Native.INT;
import static dev.concbench.servers.posix.Native.LONG;
import static dev.concbench.servers.posix.Native.POINTER;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.time.Duration;

/**
 * The socket options and half-close of a connected TCP socket known only by its descriptor
 * number, as a process model's child knows the socket it was handed: a parent sets them on a
 * connection before handing it over ({@link #prepareForChild}), and a child half-closes it
 * ({@link #shutdownOutput}). The descriptor is not owned: nothing here closes it.
 */
public final class ConnectedSocket {

    private static final int SOL_SOCKET = 1;
    private static final int SO_RCVTIMEO = 20;
    private static final int IPPROTO_TCP = 6;
    private static final int TCP_NODELAY = 1;
    private static final int SHUT_WR = 1;

    private static final MethodHandle SETSOCKOPT =
            Native.withErrno("setsockopt", FunctionDescriptor.of(INT, INT, INT, INT, POINTER, INT));
    private static final MethodHandle SHUTDOWN = Native.withErrno("shutdown", FunctionDescriptor.of(INT, INT, INT));

    private ConnectedSocket() {
    }

    /**
     * Sets what {@link java.net.Socket#setSoTimeout} and {@link java.net.Socket#setTcpNoDelay}
     * would, on the socket itself, so that a child reading and writing it as plain file
     * descriptors gets them: a read that waits longer than {@code readTimeout} fails (with
     * {@code EAGAIN}, an {@link IOException} to a {@link java.io.FileInputStream}), and small
     * writes go out at once.
     */
    public static void prepareForChild(int descriptor, Duration readTimeout) throws IOException {
        setReadTimeout(descriptor, readTimeout);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment one = arena.allocateFrom(INT, 1);
            Native.call("setsockopt(TCP_NODELAY)", state ->
                    (int) SETSOCKOPT.invokeExact(state, descriptor, IPPROTO_TCP, TCP_NODELAY, one, (int) INT.byteSize()));
        }
    }

    /** Bounds each later read on the socket by {@code timeout} ({@code SO_RCVTIMEO}); at least 1 ms. */
    public static void setReadTimeout(int descriptor, Duration timeout) throws IOException {
        long micros = Math.max(1_000, timeout.toNanos() / 1_000);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment timeval = arena.allocate(LONG, 2); // struct timeval { tv_sec; tv_usec; }
            timeval.setAtIndex(LONG, 0, micros / 1_000_000);
            timeval.setAtIndex(LONG, 1, micros % 1_000_000);
            Native.call("setsockopt(SO_RCVTIMEO)", state ->
                    (int) SETSOCKOPT.invokeExact(state, descriptor, SOL_SOCKET, SO_RCVTIMEO, timeval, (int) timeval.byteSize()));
        }
    }

    /** Half-closes the socket: the peer reads end-of-stream, and this side can still read. */
    public static void shutdownOutput(int descriptor) throws IOException {
        Native.call("shutdown", state -> (int) SHUTDOWN.invokeExact(state, descriptor, SHUT_WR));
    }
}
