package dev.concbench.servers.blocking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;

/**
 * An accepted socket whose read timeout is kept by its server's sweeper rather than by
 * {@code SO_TIMEOUT}: with {@code SO_TIMEOUT} set, the JDK turns every read into a non-blocking
 * read, then a {@code poll} (a platform thread) or a timer scheduled and cancelled around the park
 * (a virtual thread), which cost the blocking models a fifth of their throughput on hello. Here a
 * read is the plain blocking read, and the socket counts its reads so the sweeper can tell a peer
 * that stays silent (one read pending through whole sweeps) from a busy handler or a slow write,
 * which the read timeout does not bound, as {@code SO_TIMEOUT} does not.
 *
 * <p>The sweeper closes a socket whose read stays pending for the read timeout (the linger time
 * once {@link #shutdownOutput half-closed}); the blocked read then fails and the connection ends
 * without an answer, as on {@code SO_TIMEOUT}.
 */
final class SweptSocket implements ConnectionStreams {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    /** Odd while a read is pending; written by the connection's thread only. */
    private volatile int readPhase;
    private volatile long silenceLimitNanos;
    /** The sweeper's own: the phase it saw last and since when. */
    private int seenPhase = -1;
    private long seenSince;

    SweptSocket(Socket socket, Duration readTimeout) throws IOException {
        this.socket = socket;
        this.silenceLimitNanos = readTimeout.toNanos();
        socket.setTcpNoDelay(true);
        InputStream plain = socket.getInputStream();
        this.in = new InputStream() {
            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                readPhase++; // one writer: the connection's thread
                try {
                    return plain.read(bytes, offset, length);
                } finally {
                    readPhase++;
                }
            }

            @Override
            public int read() {
                throw new UnsupportedOperationException("BlockingConnection reads into its buffer");
            }

            @Override
            public int available() throws IOException {
                return plain.available();
            }
        };
        this.out = socket.getOutputStream();
    }

    Socket socket() {
        return socket;
    }

    /**
     * Closes the socket if one read has stayed pending for the silence limit; called by the sweeper,
     * every sweep, with the sweep's time. A read that starts is seen at the next sweep at the
     * latest, so the socket is closed between one limit and one limit plus two sweep intervals
     * after the peer fell silent.
     */
    void sweep(long now) {
        int phase = readPhase;
        if (phase != seenPhase || (phase & 1) == 0) {
            seenPhase = phase;
            seenSince = now;
        } else if (now - seenSince >= silenceLimitNanos) {
            close();
        }
    }

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
        silenceLimitNanos = lingerTimeout.toNanos();
        socket.shutdownOutput();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing: nothing more to do
        }
    }
}
