package dev.concbench.servers;

/** Closing on a release path, where a failure to close can only be ignored. */
public final class Closeables {

    private Closeables() {
    }

    /**
     * Closes {@code closeable}, if not null, ignoring any exception: a socket or pipe whose peer
     * is gone, a channel already closed.
     */
    public static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            // releasing: nothing more can be done
        }
    }
}
