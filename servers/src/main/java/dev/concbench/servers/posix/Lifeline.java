package dev.concbench.servers.posix;

import dev.concbench.servers.ServerThreads;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How a child notices that its parent is gone, whichever way the parent ended (even
 * {@code SIGKILL}): a pipe whose write end only the parent holds. Each child gets the read end as
 * descriptor {@value #CHILD_DESCRIPTOR} and watches it on a daemon thread; when the parent's
 * process ends, the kernel closes the write end, the read returns end-of-file and the child halts.
 *
 * <p>It needs no native call in the child (binding one through FFM costs a short-lived JVM tens
 * of milliseconds), has no race with a parent that dies before the child starts watching (the
 * read then returns at once), and is tied to the parent's process, not to the thread that spawned
 * the child as {@code PR_SET_PDEATHSIG} is.
 */
public final class Lifeline implements AutoCloseable {

    /** The descriptor number at which a child finds its end of the lifeline. */
    public static final int CHILD_DESCRIPTOR = 3;

    /** The exit status of a child that halted because its parent is gone. */
    public static final int PARENT_GONE_STATUS = 70;

    private final Descriptor readEnd;
    private final Descriptor writeEnd;

    private Lifeline(Descriptor readEnd, Descriptor writeEnd) {
        this.readEnd = readEnd;
        this.writeEnd = writeEnd;
    }

    /** Opens a lifeline in the parent; both ends are close-on-exec. */
    public static Lifeline open() throws IOException {
        Native.requireSupported();
        Descriptor[] ends = Descriptor.pipe();
        return new Lifeline(ends[0], ends[1]);
    }

    /** Our descriptor to give each child as {@link #CHILD_DESCRIPTOR}. */
    public int childEnd() {
        return readEnd.number();
    }

    /** Closes both ends: every child watching this lifeline halts. */
    @Override
    public void close() {
        writeEnd.close();
        readEnd.close();
    }

    /**
     * In a child spawned with a lifeline: starts a daemon thread that halts this JVM with
     * {@link #PARENT_GONE_STATUS} once the parent is gone. Uses no native call of its own.
     *
     * <p>Close the returned watch before the child exits normally: a thread blocked in a native
     * read makes the JVM wait 300 ms at exit for it, which would more than double the life of a
     * worker that serves one request.
     *
     * @param role names the thread, e.g. {@code process-worker}
     * @throws IOException if this process has no lifeline at {@link #CHILD_DESCRIPTOR}
     */
    public static Watch watchInChild(String role) throws IOException {
        Path descriptor = Path.of("/proc/self/fd/" + CHILD_DESCRIPTOR);
        String target = Files.isSymbolicLink(descriptor) ? Files.readSymbolicLink(descriptor).toString() : "nothing";
        if (!target.startsWith("pipe:")) {
            throw new IOException("no lifeline: descriptor " + CHILD_DESCRIPTOR + " is " + target
                    + ", not the pipe a process model gives its children");
        }
        // A FileChannel, unlike a FileInputStream, is interruptible: closing the watch interrupts
        // the read and the thread ends.
        FileChannel parentEnd = FileChannel.open(descriptor, StandardOpenOption.READ);
        Thread watcher = ServerThreads.platform(role, "lifeline").newThread(() -> {
            try (parentEnd) {
                ByteBuffer ignored = ByteBuffer.allocate(64);
                while (parentEnd.read(ignored.clear()) >= 0) {
                    // the parent never writes; anything read is ignored
                }
            } catch (ClosedByInterruptException watchClosed) {
                return; // the child is exiting by itself
            } catch (IOException e) {
                // an error on the lifeline means the parent is gone as surely as end-of-file
            }
            Runtime.getRuntime().halt(PARENT_GONE_STATUS);
        });
        watcher.setDaemon(true);
        watcher.start();
        return new Watch(watcher);
    }

    /** A child's watch over its lifeline; {@link #close()} ends it. */
    public static final class Watch implements AutoCloseable {

        private final Thread watcher;

        private Watch(Thread watcher) {
            this.watcher = watcher;
        }

        /** Stops watching: the watching thread leaves its read and ends. */
        @Override
        public void close() {
            watcher.interrupt();
        }
    }
}
