package dev.concbench.servers.posix;

import java.io.IOException;

/** A C library call failed; the message names the call and the error, e.g. {@code accept4: Too many open files (errno 24)}. */
public final class PosixException extends IOException {

    private final int errno;

    PosixException(String call, int errno) {
        super(call + ": " + Native.describe(errno));
        this.errno = errno;
    }

    /** The C {@code errno} (or the error number a {@code posix_spawn}-style call returned). */
    public int errno() {
        return errno;
    }
}
