package dev.concbench.servers.app;

import java.nio.ByteBuffer;

/** The body of {@code /bytes}: one shared read-only pattern, sliced per request, never copied. */
final class Payload {

    private Payload() {
    }

    private static final class Holder { // made on first use only: 16 MiB
        static final ByteBuffer PATTERN = pattern();
    }

    /** The first {@code n} bytes of the pattern ({@code a..z} repeated). */
    static ByteBuffer first(int n) {
        return Holder.PATTERN.duplicate().limit(n);
    }

    private static ByteBuffer pattern() {
        byte[] bytes = new byte[Application.MAX_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) ('a' + i % 26);
        }
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }
}
