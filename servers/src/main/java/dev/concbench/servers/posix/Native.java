package dev.concbench.servers.posix;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.Locale;

/**
 * Binds C library functions and turns their failures into {@link PosixException}s. The constants
 * are those of Linux on x86-64 and AArch64, the only platforms {@link #requireSupported()} accepts.
 */
@SuppressWarnings("restricted") // binding C functions is what this class is for; native access is enabled
final class Native {

    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int ECHILD = 10;
    static final int EAGAIN = 11;
    static final int EINVAL = 22;

    static final int O_CLOEXEC = 0x80000;
    static final int SIGKILL = 9;

    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT;
    static final MemoryLayout POINTER = ValueLayout.ADDRESS;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CALL_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO =
            CALL_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    /** Every function this package binds; all must exist for the process models to work. */
    private static final List<String> REQUIRED = List.of(
            "socket", "setsockopt", "bind", "listen", "accept4", "getsockname", "shutdown", "close",
            "open", "pipe2", "eventfd", "read", "write", "poll", "pidfd_open", "waitpid", "kill", "strerror",
            "posix_spawn", "posix_spawn_file_actions_init", "posix_spawn_file_actions_destroy",
            "posix_spawn_file_actions_adddup2", "posix_spawn_file_actions_addclosefrom_np",
            "posix_spawnattr_init", "posix_spawnattr_destroy", "posix_spawnattr_setflags", "posix_spawnattr_setpgroup",
            "posix_spawnattr_setsigmask", "posix_spawnattr_setsigdefault", "sigemptyset", "sigfillset");

    private static final MethodHandle STRERROR = LINKER.downcallHandle(
            LIBC.find("strerror").orElseThrow(), FunctionDescriptor.of(POINTER, INT));

    private Native() {
    }

    /**
     * Checks that this is a platform the bindings are written for and that its C library has every
     * function they call.
     *
     * @throws IOException saying what is missing
     */
    static void requireSupported() throws IOException {
        String os = System.getProperty("os.name", "");
        String arch = System.getProperty("os.arch", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux") || !(arch.equals("amd64") || arch.equals("aarch64"))) {
            throw new IOException("the process models need Linux on x86-64 or AArch64, not " + os + " on " + arch);
        }
        List<String> missing = REQUIRED.stream().filter(name -> LIBC.find(name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IOException("the C library lacks " + String.join(", ", missing)
                    + " (the process models need glibc 2.36 or newer)");
        }
    }

    /** A downcall handle for a function that reports failure through {@code errno}. */
    static MethodHandle withErrno(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), descriptor, CAPTURE_ERRNO);
    }

    /** As {@link #withErrno(String, FunctionDescriptor)}, for a variadic function such as {@code open}. */
    static MethodHandle variadicWithErrno(String name, FunctionDescriptor descriptor, int fixedArguments) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), descriptor, CAPTURE_ERRNO,
                Linker.Option.firstVariadicArg(fixedArguments));
    }

    /** A downcall handle for a function that reports failure in its return value, or cannot fail. */
    static MethodHandle plain(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LIBC.find(name).orElseThrow(), descriptor);
    }

    /** A call through a {@link #withErrno} handle, given the segment that receives {@code errno}. */
    @FunctionalInterface
    interface Call {
        long invoke(MemorySegment callState) throws Throwable;
    }

    /**
     * Makes the call, again after {@code EINTR}, and returns its result, which is not -1.
     *
     * @throws PosixException when it returns -1 with any other {@code errno}
     */
    static long call(String name, Call call) throws PosixException {
        return call(name, call, true);
    }

    /** Makes the call once, as {@code close} must be made even when interrupted. */
    static long callOnce(String name, Call call) throws PosixException {
        return call(name, call, false);
    }

    private static long call(String name, Call call, boolean againAfterInterrupt) throws PosixException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(CALL_STATE);
            while (true) {
                long result = invoke(call, state);
                if (result != -1) {
                    return result;
                }
                int errno = (int) ERRNO.get(state, 0L);
                if (errno != EINTR || !againAfterInterrupt) {
                    throw new PosixException(name, errno);
                }
            }
        }
    }

    /** Checks the result of a function that returns 0 or an error number, as posix_spawn does. */
    static void checkReturned(String name, int result) throws PosixException {
        if (result != 0) {
            throw new PosixException(name, result);
        }
    }

    /** Invokes a handle whose only checked exception is the {@code Throwable} of {@code invokeExact}. */
    static long invoke(Call call, MemorySegment state) {
        try {
            return call.invoke(state);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable impossible) {
            throw new IllegalStateException("a native call threw a checked exception", impossible);
        }
    }

    /** The error's text and number, e.g. {@code Too many open files (errno 24)}. */
    static String describe(int errno) {
        String text;
        try {
            MemorySegment message = (MemorySegment) STRERROR.invokeExact(errno);
            text = message.reinterpret(Long.MAX_VALUE).getString(0);
        } catch (Throwable e) {
            text = "error";
        }
        return text + " (errno " + errno + ")";
    }
}
