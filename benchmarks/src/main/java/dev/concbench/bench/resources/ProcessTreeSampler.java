package dev.concbench.bench.resources;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples a server's process tree from the {@code /proc} of the host it runs on (this machine's,
 * or the server host's over SSH: see {@link ProcSource}) on a daemon thread, about ten times a
 * second, off the load client's path: peak threads, descriptors and resident memory, and how many
 * child processes it had. CPU time is read exactly at the edges of each measured window, not
 * sampled, to the nanosecond where the threads allow it and without the JIT compiler's threads
 * ({@link CpuReading}).
 *
 * <p>Threading: the sampler thread is the only writer of the peaks; {@link #markWindowStart()},
 * {@link #markWindowEnd()} and {@link #usage()} may be called from any thread. {@link #close()}
 * stops and joins the sampler thread.
 */
public final class ProcessTreeSampler implements AutoCloseable {

    /** The default sampling period: 10 Hz. */
    public static final Duration DEFAULT_PERIOD = Duration.ofMillis(100);

    /**
     * Finding descendants reads every process's {@code stat} on the machine (locally), which costs far more
     * than sampling the tree itself; it is done on one sample in this many, and the other samples
     * read the children found last time (the long-lived ones that matter for peaks: prefork's
     * workers; process-per-request children live shorter than a sample and are counted by the
     * server itself).
     */
    static final int SAMPLES_PER_DESCENDANT_SCAN = 10;

    private final long pid;
    private final ProcSource proc;
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean running = true;

    // Peaks: written by the sampler thread under this lock, read by usage().
    private int peakThreads;
    private int peakFileDescriptors;
    private long peakRssBytes;
    private int peakLiveChildren;
    private long samples;
    private final Set<Long> childrenSeen = new HashSet<>();
    /** The descendants found by the last scan; read and written by the sampler thread only. */
    private List<Long> knownChildren = List.of();

    // Measured windows: written by the caller of mark*, under this lock.
    private double windowCpuSeconds;
    /** The tree's processes read at the start of the open window, or null outside a window. */
    private Map<Long, CpuReading> windowStart;

    private ProcessTreeSampler(ProcessTree tree, Duration period) {
        this.pid = tree.pid();
        this.proc = tree.proc();
        this.periodNanos = period.toNanos();
        sampleOnce();
        this.thread = Thread.ofPlatform().daemon().name("resource-sampler-" + pid).start(this::loop);
    }

    /**
     * Starts sampling the process and its descendants.
     *
     * @return empty when its host has no {@code /proc} to read
     */
    public static Optional<ProcessTreeSampler> start(ProcessTree tree, Duration period) {
        return tree.proc().available() ? Optional.of(new ProcessTreeSampler(tree, period)) : Optional.empty();
    }

    /**
     * Starts a measured window: CPU time counts from now until {@link #markWindowEnd()}, without
     * the JIT compiler threads (see {@link CpuReading}).
     */
    public synchronized void markWindowStart() {
        windowStart = readTree();
    }

    /**
     * Ends a measured window started by {@link #markWindowStart()} and returns the CPU seconds the
     * tree used during it; 0 without a started window.
     */
    public synchronized double markWindowEnd() {
        if (windowStart == null) {
            return 0;
        }
        double used = 0;
        for (Map.Entry<Long, CpuReading> process : readTree().entrySet()) {
            CpuReading start = windowStart.get(process.getKey());
            used += start == null ? process.getValue().secondsSinceStart() : process.getValue().secondsSince(start);
        }
        windowCpuSeconds += used;
        windowStart = null;
        return used;
    }

    /** The figures so far. */
    public synchronized ResourceUsage usage() {
        return new ResourceUsage(peakThreads, peakFileDescriptors, peakRssBytes, windowCpuSeconds,
                childrenSeen.size(), peakLiveChildren, samples);
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.NANOSECONDS.toMillis(periodNanos) * 10 + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        long next = System.nanoTime() + periodNanos;
        while (running) {
            LockSupport.parkNanos(next - System.nanoTime());
            if (!running) {
                return;
            }
            if (System.nanoTime() >= next) {
                if (!sampleOnce()) {
                    return; // the server is gone
                }
                next += periodNanos;
                long now = System.nanoTime();
                if (next < now) {
                    next = now + periodNanos; // fell behind (a busy machine): skip, do not burst
                }
            }
        }
    }

    /** Takes one sample of the tree; false when the root process is gone. */
    private boolean sampleOnce() {
        Optional<ProcFs.Sample> root = proc.sample(pid);
        if (root.isEmpty()) {
            return false;
        }
        int threads = root.get().threads();
        int descriptors = root.get().fileDescriptors();
        long rss = root.get().rssBytes();
        if (samples % SAMPLES_PER_DESCENDANT_SCAN == 0) {
            knownChildren = proc.descendants(pid);
        }
        List<Long> children = knownChildren;
        int live = 0;
        for (long child : children) {
            Optional<ProcFs.Sample> sample = proc.sample(child);
            if (sample.isPresent()) {
                live++;
                threads += sample.get().threads();
                descriptors += sample.get().fileDescriptors();
                rss += sample.get().rssBytes();
            }
        }
        synchronized (this) {
            samples++;
            peakThreads = Math.max(peakThreads, threads);
            peakFileDescriptors = Math.max(peakFileDescriptors, descriptors);
            peakRssBytes = Math.max(peakRssBytes, rss);
            peakLiveChildren = Math.max(peakLiveChildren, live);
            childrenSeen.addAll(children);
        }
        return true;
    }

    /**
     * The CPU time of every live process of the tree now, by process id. Each process's reading
     * includes the children it reaped, so a child that ends within a window is counted once, by
     * its parent.
     */
    private Map<Long, CpuReading> readTree() {
        Map<Long, CpuReading> tree = new HashMap<>();
        proc.cpuReading(pid).ifPresent(reading -> tree.put(pid, reading));
        for (long child : proc.descendants(pid)) {
            proc.cpuReading(child).ifPresent(reading -> tree.put(child, reading));
        }
        return tree;
    }
}
