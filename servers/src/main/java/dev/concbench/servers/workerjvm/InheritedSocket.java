package dev.concbench.servers.workerjvm;

import dev.concbench.servers.blocking.ConnectionStreams;
import dev.concbench.servers.posix.ConnectedSocket;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A {@link ConnectionWorker}'s connection: the socket its parent handed it as standard input and
 * output, read and written as plain descriptors. Its read timeout and {@code TCP_NODELAY} were set
 * by the parent ({@link ConnectedSocket#prepareForChild}); a read that times out fails with an
 * {@link IOException}.
 *
 * <p>This costs a fresh JVM nothing beyond the streams every JVM opens at start, where
 * {@link System#inheritedChannel()} would set up the NIO socket machinery (a selector provider
 * looked up on the class path, the channel classes): a fifth of a worker's life. The half-close
 * binds a native call, tens of milliseconds in a young JVM; it is only needed when the client may
 * still be sending (see {@link ConnectionStreams#closesWithoutDrainWhenRead()}).
 */
final class InheritedSocket implements ConnectionStreams {

    private static final int STANDARD_INPUT = 0;

    private final FileInputStream in = new FileInputStream(FileDescriptor.in);
    private final FileOutputStream out = new FileOutputStream(FileDescriptor.out);

    @Override
    public InputStream in() {
        return in;
    }

    @Override
    public OutputStream out() {
        return out;
    }

    @Override
    public void shutdownOutput(Duration lingerTimeout) throws IOException {
        ConnectedSocket.shutdownOutput(STANDARD_INPUT);
        ConnectedSocket.setReadTimeout(STANDARD_INPUT, lingerTimeout);
    }

    @Override
    public boolean closesWithoutDrainWhenRead() {
        return true;
    }

    /** Closes both descriptors, and with them the socket (the parent closed its copy). */
    @Override
    public void close() throws IOException {
        try (in; out) {
            // closed by the try
        }
    }
}
