package dev.concbench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;

/**
 * One run of a {@link LoadClient}: sets the connections going on the event loops, waits out the
 * warm-up and the measurement on the calling thread, stops them, and merges their figures. Its
 * connections go by its {@link RunPlan}, fixed from the start, and its {@link Window}, set once
 * the clock starts and before the tasks that start the connections are submitted, which publishes it.
 */
final class Run {

    private static final long PROGRESS_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long STOP_TIMEOUT_SECONDS = 30;
    private static final int CLOSE_ROUNDS = 10;
    private static final long PRECONNECT_GRACE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LoadSpec spec;
    private final RunPlan plan;
    /** Requests still to issue in a counted run; null in a timed run. */
    private final AtomicLong budget;
    private Window window;

    private final LoadClient client;
    private final byte[] requestBytes;
    private final CountDownLatch slotsFinished;
    private final CountDownLatch slotsPreconnected;
    private final AtomicReference<Throwable> bug = new AtomicReference<>();
    private final List<LoopWorker> workers = new ArrayList<>();
    private final List<Slot> slots = new ArrayList<>();
    private ByteBuf request;

    Run(LoadClient client, LoadSpec spec) {
        this.client = client;
        this.spec = spec;
        this.plan = RunPlan.of(spec);
        this.budget = spec.length() instanceof RunLength.Counted counted ? new AtomicLong(counted.requests()) : null;
        this.window = Window.beforeStart(budget != null);
        this.requestBytes = spec.encodedRequest();
        this.slotsFinished = new CountDownLatch(spec.model().connections());
        this.slotsPreconnected = new CountDownLatch(plan.closeMode() ? 0 : spec.model().connections());
    }

    LoadResult execute(LoadClient.ProgressListener listener) throws InterruptedException {
        request = Unpooled.directBuffer(requestBytes.length).writeBytes(requestBytes);
        try {
            createSlots();
            if (!plan.closeMode()) {
                for (LoopWorker worker : workers) {
                    worker.loop().execute(worker::preconnect);
                }
                // Bounded by the connect timeout; a slot whose connect is still pending goes on alone.
                slotsPreconnected.await(plan.timeoutNanos() + PRECONNECT_GRACE_NANOS, TimeUnit.NANOSECONDS);
            }
            long startNanos = System.nanoTime();
            long measureStartNanos = startNanos + spec.warmup().toNanos();
            long measureEndNanos = spec.length() instanceof RunLength.Timed timed
                    ? measureStartNanos + timed.duration().toNanos() : Long.MAX_VALUE;
            window = new Window(startNanos, measureStartNanos, measureEndNanos, budget != null);
            for (LoopWorker worker : workers) {
                worker.loop().execute(worker::start);
            }
            awaitSlots(measureStartNanos, listener);
            listener.onMeasurementStart();
            long cpuFrom = System.nanoTime();
            long cpuStart = eventLoopCpuNanos();
            long processCpuStart = processCpuNanos();
            boolean endedByItself = awaitSlots(measureEndNanos, listener);
            if (!endedByItself) {
                stopSlots(measureEndNanos);
            }
            awaitStopped();
            long cpuEnd = eventLoopCpuNanos();
            long processCpuEnd = processCpuNanos();
            long cpuTo = System.nanoTime();
            throwIfBug();
            // A counted run, or a timed one whose connections all gave up, ends with its last slot.
            long measuredTo = endedByItself
                    ? workers.stream().mapToLong(LoopWorker::lastFinishNanos).max().orElse(cpuTo)
                    : measureEndNanos;
            Duration measured = Duration.ofNanos(Math.max(0, measuredTo - measureStartNanos));
            ClientCpu cpu = new ClientCpu(Duration.ofNanos(cpuEnd - cpuStart),
                    Duration.ofNanos(processCpuEnd - processCpuStart), client.eventLoops(),
                    Duration.ofNanos(cpuTo - cpuFrom));
            return merge(measured, cpu);
        } finally {
            // Idempotent: after a normal end every slot has finished already; after an interrupt
            // or a bug this ends them before their connections are closed.
            stopSlots(System.nanoTime());
            closeChannels();
            request.release();
        }
    }

    private void stopSlots(long endNanos) {
        for (LoopWorker worker : workers) {
            worker.loop().execute(() -> worker.stop(endNanos));
        }
    }

    RunPlan plan() {
        return plan;
    }

    /** {@link Window#beforeStart} until the run's clock starts. */
    Window window() {
        return window;
    }

    /** A new reference to the whole request, for one write. */
    ByteBuf requestForWrite() {
        return request.retainedDuplicate();
    }

    /** A new reference to one of the slow-client mode's pieces of the request, for one write. */
    ByteBuf requestPiece(int piece) {
        int pieces = plan.slowSend().pieces();
        int from = (int) ((long) requestBytes.length * piece / pieces);
        int to = (int) ((long) requestBytes.length * (piece + 1) / pieces);
        return request.retainedSlice(from, to - from);
    }

    /** Whether a request due at this time may be issued, taking it from a counted run's budget. */
    boolean admit(long dueNanos) {
        if (dueNanos < window.measureStartNanos()) {
            return true; // warm-up: not counted
        }
        if (dueNanos >= window.measureEndNanos()) {
            return false;
        }
        return budget == null || (budget.get() > 0 && budget.getAndDecrement() > 0);
    }

    /** Whether no more requests will be admitted (a counted run whose budget is spent). */
    boolean budgetSpent() {
        return budget != null && budget.get() <= 0;
    }

    void slotPreconnected() {
        slotsPreconnected.countDown();
    }

    void slotFinished() {
        slotsFinished.countDown();
    }

    /** A bug in the client's own code on an event loop: the run fails with it. */
    void bug(Throwable t) {
        bug.compareAndSet(null, t);
        slotsFinishedAfterBug();
    }

    void track(Channel channel) {
        client.openChannels().add(channel);
    }

    void untrack(Channel channel) {
        client.openChannels().remove(channel);
    }

    private void slotsFinishedAfterBug() {
        while (slotsPreconnected.getCount() > 0) {
            slotsPreconnected.countDown();
        }
        while (slotsFinished.getCount() > 0) {
            slotsFinished.countDown();
        }
    }

    private void createSlots() {
        List<EventExecutor> loops = client.loops();
        int connections = spec.model().connections();
        int used = Math.min(loops.size(), connections);
        for (int i = 0; i < used; i++) {
            EventLoop loop = (EventLoop) loops.get(i);
            Bootstrap bootstrap = new Bootstrap()
                    .group(loop)
                    .channelFactory(client.channelFactory())
                    // TCP_NODELAY: already Netty's default for client sockets; setting it again costs a syscall per connect.
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                            Math.max(1, spec.requestTimeout().toMillis())));
            workers.add(new LoopWorker(this, loop, bootstrap));
        }
        for (int i = 0; i < connections; i++) {
            LoopWorker worker = workers.get(i % used);
            Slot slot = new Slot(this, worker, i);
            worker.add(slot);
            slots.add(slot);
        }
    }

    /**
     * Waits until this time or until every slot finished, telling the listener how it goes.
     *
     * @return true if every slot finished
     */
    private boolean awaitSlots(long untilNanos, LoadClient.ProgressListener listener) throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            if (now >= untilNanos) {
                return slotsFinished.getCount() == 0;
            }
            long wait = Math.min(untilNanos - now, PROGRESS_INTERVAL_NANOS);
            if (slotsFinished.await(wait, TimeUnit.NANOSECONDS)) {
                return true;
            }
            if (System.nanoTime() < untilNanos) {
                listener.onProgress(progress());
            }
        }
    }

    private LoadClient.Progress progress() {
        long requests = 0;
        long errors = 0;
        for (LoopWorker worker : workers) {
            requests += worker.progressRequests();
            errors += worker.progressErrors();
        }
        long now = System.nanoTime();
        return new LoadClient.Progress(Duration.ofNanos(now - window.startNanos()), now < window.measureStartNanos(),
                requests, errors);
    }

    private void awaitStopped() throws InterruptedException {
        if (!slotsFinished.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the client's connections did not stop within " + STOP_TIMEOUT_SECONDS + " s");
        }
    }

    /**
     * Closes every connection still open and waits until each is closed. The slots have been
     * stopped by tasks queued on their loops before these closes, so they open no new ones; the
     * rounds catch a connect that was under way when the copy was taken.
     */
    private void closeChannels() {
        Set<Channel> open = client.openChannels();
        for (int round = 0; round < CLOSE_ROUNDS && !open.isEmpty(); round++) {
            List<Channel> channels = List.copyOf(open);
            for (Channel channel : channels) {
                channel.close();
            }
            for (Channel channel : channels) {
                channel.closeFuture().awaitUninterruptibly();
                open.remove(channel); // closed; its deregistration from the loop may still be queued
            }
        }
    }

    private void throwIfBug() {
        Throwable t = bug.get();
        if (t != null) {
            throw new IllegalStateException("bug in the load client: " + t, t);
        }
    }

    private LoadResult merge(Duration measured, ClientCpu cpu) {
        Histogram latency = Latency.newHistogram();
        Histogram uncorrected = Latency.newHistogram();
        Histogram sendLag = Latency.newHistogram();
        long[] errorCounts = new long[ErrorKind.values().length];
        Map<ErrorKind, String> firstMessages = new EnumMap<>(ErrorKind.class);
        long requests = 0;
        long unfinished = 0;
        long bytesRead = 0;
        for (LoopWorker worker : workers) {
            latency.add(worker.latency());
            uncorrected.add(worker.uncorrectedLatency());
            sendLag.add(worker.sendLag());
            requests += worker.requests();
            unfinished += worker.unfinished();
            bytesRead += worker.bytesRead();
            for (ErrorKind kind : ErrorKind.values()) {
                errorCounts[kind.ordinal()] += worker.errors(kind);
                String message = worker.firstMessage(kind);
                if (message != null) {
                    firstMessages.putIfAbsent(kind, message);
                }
            }
        }
        Map<ErrorKind, Long> counts = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            counts.put(kind, errorCounts[kind.ordinal()]);
        }
        long[] answers = new long[slots.size()];
        long longestWait = 0;
        int gaveUp = 0;
        for (int i = 0; i < slots.size(); i++) {
            ConnectionFairness fairness = slots.get(i).fairness();
            answers[i] = fairness.answers();
            longestWait = Math.max(longestWait, fairness.longestWaitNanos());
            gaveUp += fairness.hasGivenUp() ? 1 : 0;
        }
        return new LoadResult(spec, client.transport(), client.eventLoops(), requests,
                new ErrorCounts(counts, firstMessages), unfinished, bytesRead, measured,
                new Latency(latency), new Latency(uncorrected), new Latency(sendLag),
                Fairness.of(answers, longestWait, gaveUp), cpu);
    }

    private long eventLoopCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : client.loopThreadIds()) {
            total += Math.max(0, threads.getThreadCpuTime(id));
        }
        return total;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }
}
