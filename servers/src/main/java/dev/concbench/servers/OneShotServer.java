package dev.concbench.servers;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The one-shot lifecycle of {@link Server}, written once for every model: {@link #start()} runs
 * {@link #open()} at most once (a second call, or one after {@link #close()}, is an
 * {@link IllegalStateException}); a failed open is followed by {@link #release()} before the
 * failure goes on; {@link #address()} answers once started; {@link #close()} is idempotent, may
 * come from any thread at any time, and runs {@link #release()} at most once. A model says only
 * how it opens and how it releases.
 */
public abstract class OneShotServer implements Server {

    private enum State { NEW, RUNNING, CLOSED }

    private State state = State.NEW;
    private InetSocketAddress address;

    /**
     * Binds and starts the model's threads (or processes); called once, under this object's lock.
     *
     * @return the bound address
     */
    protected abstract InetSocketAddress open() throws IOException;

    /**
     * Stops the model and releases everything {@link #open()} made, which may be only part of it
     * when open failed: fields it did not get to set are still null. Called once, by the first
     * {@link #close()}.
     */
    protected abstract void release();

    @Override
    public final synchronized InetSocketAddress start() throws IOException {
        if (state != State.NEW) {
            throw new IllegalStateException("a server starts once; this one is " + state.name().toLowerCase());
        }
        state = State.RUNNING;
        try {
            address = open();
            return address;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public final synchronized InetSocketAddress address() {
        if (address == null) {
            throw new IllegalStateException("the server is not started");
        }
        return address;
    }

    @Override
    public final void close() {
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
        }
        release();
    }
}
