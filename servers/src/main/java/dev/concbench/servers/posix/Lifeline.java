package dev.concbench.servers.posix;

import dev.concbench.servers.ServerThreads;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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
     * {@link #PARENT_GONE_STATUS} once the parent is gone. Uses no native call.
     *
     * @param role names the thread, e.g. {@code process-worker}
     * @throws IOException if this process has no lifeline at {@link #CHILD_DESCRIPTOR}
     */
    public static void holdInChild(String role) throws IOException {
        Path descriptor = Path.of("/proc/self/fd/" + CHILD_DESCRIPTOR);
        String target = Files.isSymbolicLink(descriptor) ? Files.readSymbolicLink(descriptor).toString() : "nothing";
        if (!target.startsWith("pipe:")) {
            throw new IOException("no lifeline: descriptor " + CHILD_DESCRIPTOR + " is " + target
                    + ", not the pipe a process model gives its children");
        }
        InputStream parentEnd = new FileInputStream(descriptor.toFile());
        Thread watcher = ServerThreads.platform(role, "lifeline").newThread(() -> {
            try (parentEnd) {
                byte[] ignored = new byte[64];
                while (parentEnd.read(ignored) >= 0) {
                    // the parent never writes; anything read is ignored
                }
            } catch (IOException e) {
                // an error on the lifeline means the parent is gone as surely as end-of-file
            }
            Runtime.getRuntime().halt(PARENT_GONE_STATUS);
        });
        watcher.setDaemon(true);
        watcher.start();
    }
}
