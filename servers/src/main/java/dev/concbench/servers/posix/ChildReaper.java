package dev.concbench.servers.posix;

import static dev.concbench.servers.posix.Native.INT;
import static dev.concbench.servers.posix.Native.POINTER;

import dev.concbench.servers.ServerThreads;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Waits for the child processes it is given, so that none is left a zombie, and kills those that
 * outlive their deadline. One thread, {@code <model>-reaper-0}, watches every child through a
 * pidfd and reaps it with {@code waitpid} as soon as it exits; only that thread signals or reaps a
 * child, so a pid is never signalled after it has been reaped (and perhaps reused).
 *
 * <p>It waits only for the pids it is given, never for any child ({@code waitpid(-1)}), which
 * would steal the exits of processes the JDK started.
 *
 * <p>{@link #adopt} may be called from any thread. {@code onExit} runs on the reaper thread, once
 * per child, after the child is reaped; it must be quick. {@link #close()} kills every live child
 * with {@code SIGKILL}, waits until all are reaped and ends the thread.
 */
public final class ChildReaper implements AutoCloseable {

    /**
     * How a child ended.
     *
     * @param pid        the child's pid (already reaped: it may name another process by now)
     * @param waitStatus the status {@code waitpid} reported, or -1 when it could not be had
     * @param lifetime   from the start given to {@link #adopt} until the child was reaped
     * @param overdue    the reaper killed it because it outlived its deadline
     */
    public record Exit(int pid, int waitStatus, Duration lifetime, boolean overdue) {

        /** The exit code, or -1 when the child did not exit normally. */
        public int exitCode() {
            return waitStatus >= 0 && (waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : -1;
        }

        /** The signal that ended the child, or 0 when it exited normally. */
        public int signal() {
            return waitStatus >= 0 && (waitStatus & 0x7f) != 0 && (waitStatus & 0x7f) != 0x7f ? waitStatus & 0x7f : 0;
        }

        /** E.g. {@code exited with code 0 after 41 ms} or {@code killed by signal 9 after 2000 ms}. */
        public String describe() {
            String how = signal() != 0 ? "killed by signal " + signal()
                    : exitCode() >= 0 ? "exited with code " + exitCode() : "ended (status unknown)";
            return how + (overdue ? " (past its deadline)" : "") + " after " + lifetime.toMillis() + " ms";
        }
    }

    private static final int POLLIN = 1;
    private static final int WNOHANG = 1;
    private static final int POLLFD_BYTES = 8;
    private static final long JOIN_TIMEOUT_MILLIS = 10_000;

    private static final MethodHandle EVENTFD = Native.withErrno("eventfd", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle PIDFD_OPEN =
            Native.withErrno("pidfd_open", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle POLL =
            Native.withErrno("poll", FunctionDescriptor.of(INT, POINTER, Native.LONG, INT));
    private static final MethodHandle WAITPID =
            Native.withErrno("waitpid", FunctionDescriptor.of(INT, INT, POINTER, INT));
    private static final MethodHandle KILL = Native.withErrno("kill", FunctionDescriptor.of(INT, INT, INT));

    private final Consumer<Exit> onExit;
    private final Descriptor wakeUp;
    private final Thread thread;
    private final Queue<Child> adopted = new ConcurrentLinkedQueue<>();
    private final List<Child> watched = new ArrayList<>(); // the reaper thread's own
    private final AtomicInteger live = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stopping;
    private boolean finished; // guarded by this

    /** A child being watched; its pidfd is closed once it is reaped. Owned by the reaper thread. */
    private static final class Child {
        final int pid;
        final Descriptor pidfd;
        final long startNanos;
        final long deadlineNanos;
        boolean killed;

        Child(int pid, Descriptor pidfd, long startNanos, long deadlineNanos) {
            this.pid = pid;
            this.pidfd = pidfd;
            this.startNanos = startNanos;
            this.deadlineNanos = deadlineNanos;
        }
    }

    /**
     * Starts the reaper thread.
     *
     * @param model  names the thread
     * @param onExit told of each child's end, on the reaper thread
     */
    public ChildReaper(String model, Consumer<Exit> onExit) throws IOException {
        Native.requireSupported();
        this.onExit = onExit;
        this.wakeUp = new Descriptor((int) Native.call("eventfd",
                state -> (int) EVENTFD.invokeExact(state, 0, Native.O_CLOEXEC)));
        this.thread = ServerThreads.platform(model, "reaper").newThread(this::run);
        thread.start();
    }

    /**
     * Watches a child this process spawned.
     *
     * @param pid        the child
     * @param startNanos when it was spawned ({@link System#nanoTime()}), to measure its lifetime
     * @param killAfter  how long it may live before it is killed, or {@code null} for no limit
     * @throws IOException if the child cannot be watched (out of descriptors): it has then been
     *                     killed and reaped on the calling thread
     */
    public void adopt(int pid, long startNanos, Duration killAfter) throws IOException {
        Descriptor pidfd;
        try {
            pidfd = new Descriptor((int) Native.call("pidfd_open", state -> (int) PIDFD_OPEN.invokeExact(state, pid, 0)));
        } catch (PosixException e) {
            killAndWait(pid);
            throw e;
        }
        long deadline = killAfter == null ? Long.MAX_VALUE : startNanos + killAfter.toNanos();
        synchronized (this) {
            if (!finished) {
                live.incrementAndGet();
                adopted.add(new Child(pid, pidfd, startNanos, deadline));
                wake();
                return;
            }
        }
        pidfd.close();
        killAndWait(pid); // closed already: nobody else will reap it
    }

    /** How many adopted children have not been reaped yet. */
    public int live() {
        return live.get();
    }

    /** Kills every live child, waits until all are reaped and stops the reaper thread. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopping = true;
        wake();
        // Waits even if interrupted (the interrupt is kept): leaving early would leave children.
        boolean interrupted = false;
        long deadline = System.nanoTime() + JOIN_TIMEOUT_MILLIS * 1_000_000;
        while (thread.isAlive() && System.nanoTime() < deadline) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            System.err.println("concbench: " + thread.getName() + " did not reap every child within "
                    + JOIN_TIMEOUT_MILLIS + " ms; " + live() + " left");
            return; // its descriptors stay open with it
        }
        wakeUp.close();
    }

    private void run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(INT);
            MemorySegment eventCount = arena.allocate(Native.LONG);
            while (true) {
                for (Child child; (child = adopted.poll()) != null; ) {
                    watched.add(child);
                }
                if (stopping) {
                    watched.forEach(ChildReaper::killOnce);
                    synchronized (this) {
                        if (watched.isEmpty() && adopted.isEmpty()) {
                            finished = true;
                            return;
                        }
                    }
                }
                boolean[] ready = poll(killOverdue());
                if (ready[0]) {
                    wakeUp.read(eventCount);
                }
                List<Child> exited = new ArrayList<>();
                for (int i = 0; i < watched.size(); i++) {
                    if (ready[i + 1] && reaped(watched.get(i), status)) {
                        exited.add(watched.get(i));
                    }
                }
                watched.removeAll(exited);
            }
        } catch (IOException | RuntimeException e) {
            ServerThreads.reportBug(thread.getName(), e);
            abandon();
        }
    }

    /** Kills the children past their deadline; returns the milliseconds until the next deadline, or -1. */
    private int killOverdue() {
        long now = System.nanoTime();
        long next = Long.MAX_VALUE;
        for (Child child : watched) {
            if (!child.killed && child.deadlineNanos <= now) {
                killOnce(child);
            } else if (!child.killed) {
                next = Math.min(next, child.deadlineNanos);
            }
        }
        return next == Long.MAX_VALUE ? -1
                : (int) Math.min(Integer.MAX_VALUE, Math.max(1, (next - now + 999_999) / 1_000_000));
    }

    /** After a bug broke the loop: kills and reaps every child here, so that none is left behind. */
    private void abandon() {
        synchronized (this) {
            finished = true;
        }
        for (Child child; (child = adopted.poll()) != null; ) {
            watched.add(child);
        }
        for (Child child : watched) {
            child.pidfd.close();
            killAndWait(child.pid);
            live.decrementAndGet();
        }
        watched.clear();
    }

    /** Polls the wake-up descriptor and every child's pidfd; {@code [wake-up, child 0, child 1...]}. */
    private boolean[] poll(int timeoutMillis) throws PosixException {
        int count = watched.size() + 1;
        try (Arena once = Arena.ofConfined()) {
            MemorySegment fds = once.allocate((long) POLLFD_BYTES * count, 8);
            fds.set(INT, 0, wakeUp.number());
            fds.set(Native.SHORT, 4, (short) POLLIN);
            for (int i = 1; i < count; i++) {
                fds.set(INT, (long) i * POLLFD_BYTES, watched.get(i - 1).pidfd.number());
                fds.set(Native.SHORT, (long) i * POLLFD_BYTES + 4, (short) POLLIN);
            }
            Native.call("poll", state -> (int) POLL.invokeExact(state, fds, (long) count, timeoutMillis));
            boolean[] ready = new boolean[count];
            for (int i = 0; i < count; i++) {
                ready[i] = fds.get(Native.SHORT, (long) i * POLLFD_BYTES + 6) != 0;
            }
            return ready;
        }
    }

    /** Reaps the child if it has exited, and reports it; false if it is still running. */
    private boolean reaped(Child child, MemorySegment status) {
        int waitStatus;
        try {
            int pid = (int) Native.call("waitpid",
                    state -> (int) WAITPID.invokeExact(state, child.pid, status, WNOHANG));
            if (pid == 0) {
                return false;
            }
            waitStatus = status.get(INT, 0);
        } catch (PosixException e) {
            waitStatus = -1; // ECHILD: someone else reaped it, against the rules; it is gone all the same
        }
        child.pidfd.close();
        live.decrementAndGet();
        Exit exit = new Exit(child.pid, waitStatus, Duration.ofNanos(System.nanoTime() - child.startNanos),
                child.killed && !stopping);
        try {
            onExit.accept(exit);
        } catch (RuntimeException bug) {
            ServerThreads.reportBug(thread.getName() + " (onExit)", bug);
        }
        return true;
    }

    private static void killOnce(Child child) {
        if (!child.killed) {
            child.killed = true;
            signal(child.pid);
        }
    }

    private static void signal(int pid) {
        try {
            Native.call("kill", state -> (int) KILL.invokeExact(state, pid, Native.SIGKILL));
        } catch (PosixException e) {
            // already exited (a zombie can still be signalled, so this is not expected): nothing to kill
        }
    }

    /** Kills and reaps a child that no reaper thread will watch; blocks until it is gone. */
    private static void killAndWait(int pid) {
        signal(pid);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment status = arena.allocate(INT);
            Native.call("waitpid", state -> (int) WAITPID.invokeExact(state, pid, status, 0));
        } catch (PosixException e) {
            // ECHILD: nothing left to reap
        }
    }

    private void wake() {
        try (Arena arena = Arena.ofConfined()) {
            wakeUp.write(arena.allocateFrom(Native.LONG, 1L));
        } catch (PosixException e) {
            ServerThreads.reportBug("waking " + thread.getName(), e);
        }
    }
}
