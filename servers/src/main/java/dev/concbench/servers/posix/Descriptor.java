package dev.concbench.servers.posix;

import static dev.concbench.servers.posix.Native.INT;
import static dev.concbench.servers.posix.Native.LONG;
import static dev.concbench.servers.posix.Native.POINTER;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open file descriptor this process owns, closed exactly once by {@link #close()}. Thread-safe.
 * Every descriptor made by this package is close-on-exec: a child process sees it only where
 * {@link ProcessSpawner} puts it explicitly.
 */
public final class Descriptor implements AutoCloseable {

    private static final MethodHandle CLOSE = Native.withErrno("close", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle PIPE2 =
            Native.withErrno("pipe2", FunctionDescriptor.of(INT, POINTER, INT));
    private static final MethodHandle OPEN =
            Native.variadicWithErrno("open", FunctionDescriptor.of(INT, POINTER, INT, INT), 2);
    private static final MethodHandle READ =
            Native.withErrno("read", FunctionDescriptor.of(LONG, INT, POINTER, LONG));
    private static final MethodHandle WRITE =
            Native.withErrno("write", FunctionDescriptor.of(LONG, INT, POINTER, LONG));

    private static final int O_WRONLY = 1;
    private static final int O_CREAT = 0x40;
    private static final int O_TRUNC = 0x200;

    private final int number;
    private final AtomicBoolean closed = new AtomicBoolean();

    Descriptor(int number) {
        this.number = number;
    }

    /** The descriptor number; meaningless after {@link #close()}. */
    public int number() {
        return number;
    }

    /** A pipe, both ends close-on-exec: {@code [read end, write end]}. */
    static Descriptor[] pipe() throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ends = arena.allocate(INT, 2);
            Native.call("pipe2", state -> (int) PIPE2.invokeExact(state, ends, Native.O_CLOEXEC));
            return new Descriptor[] {new Descriptor(ends.getAtIndex(INT, 0)), new Descriptor(ends.getAtIndex(INT, 1))};
        }
    }

    /** Opens {@code file} for writing, created or truncated, close-on-exec; e.g. a child's log. */
    public static Descriptor createFile(Path file) throws IOException {
        Native.requireSupported();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment path = arena.allocateFrom(file.toString());
            return new Descriptor((int) Native.call("open " + file, state ->
                    (int) OPEN.invokeExact(state, path, O_WRONLY | O_CREAT | O_TRUNC | Native.O_CLOEXEC, 0644)));
        }
    }

    /** Reads up to {@code into.byteSize()} bytes; 0 at end of file. */
    long read(MemorySegment into) throws PosixException {
        return Native.call("read", state -> (long) READ.invokeExact(state, number, into, into.byteSize()));
    }

    /** Writes up to {@code from.byteSize()} bytes, returning how many were written. */
    long write(MemorySegment from) throws PosixException {
        return Native.call("write", state -> (long) WRITE.invokeExact(state, number, from, from.byteSize()));
    }

    /** Closes the descriptor; later calls do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            // Linux releases the descriptor even when close fails (EINTR, EIO): never retry.
            Native.callOnce("close", state -> (int) CLOSE.invokeExact(state, number));
        } catch (PosixException e) {
            if (e.errno() == Native.EBADF) {
                throw new IllegalStateException("closed " + this + " that was not open: a bug", e);
            }
        }
    }

    @Override
    public String toString() {
        return "fd " + number;
    }
}
