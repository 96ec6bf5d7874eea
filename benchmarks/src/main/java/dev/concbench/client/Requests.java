package dev.concbench.client;

import dev.concbench.client.http.ResponseDecoder;

/**
 * One slot's requests: when each is due (its {@link Pacing}), which are in flight, and how each
 * ends. Every request ends in exactly one outcome, settled here: a verified response, an error of
 * one kind, or unfinished when the measurement ended; the run's {@link Window} says whether it
 * counts, and the connection's {@link ConnectionFairness} notes its wait. Confined to the slot's
 * event loop; allocates nothing per request.
 */
final class Requests {

    private final LoopWorker worker;
    private final ResponseCheck check;
    private final InFlight inFlight;
    private final ConnectionFairness fairness = new ConnectionFairness();

    /** The run's clock, known from {@link #start}. */
    private Window window;
    /** When the requests are due, known from {@link #start}. */
    private Pacing pacing;
    /** How many requests were issued: the next one is due at {@code pacing.dueNanos(issued)}. */
    private long issued;
    /** Whether requests can be due before they are sent (an open loop): only then is send lag noted. */
    private boolean paced;
    /** Since when the connection could take the next request (connected, or a full pipeline freed a place). */
    private long readySinceNanos;

    Requests(LoopWorker worker, RunPlan plan, Window window) {
        this.worker = worker;
        this.check = plan.check();
        this.inFlight = new InFlight(plan.pipelineDepth());
        this.window = window;
    }

    /** The run's clock has started. */
    void start(Window startedWindow, Pacing startedPacing) {
        window = startedWindow;
        pacing = startedPacing;
        paced = startedPacing instanceof Pacing.Open;
    }

    ConnectionFairness fairness() {
        return fairness;
    }

    boolean inMeasurement(long nanos) {
        return window.inMeasurement(nanos);
    }

    int inFlight() {
        return inFlight.size();
    }

    boolean pipelineFull() {
        return inFlight.isFull();
    }

    long oldestSentNanos() {
        return inFlight.oldestSentNanos();
    }

    /** When the next request is due, asked at {@code nowNanos}. */
    long nextDueNanos(long nowNanos) {
        return pacing.dueNanos(issued, nowNanos);
    }

    /** The connection can take requests from {@code nowNanos} (it was just opened). */
    void ready(long nowNanos) {
        readySinceNanos = nowNanos;
    }

    /**
     * The next request, due at {@code dueNanos}, is in flight from {@code nowNanos}. How late the
     * client sent it after it was due and the connection was free is the client's own delay, noted
     * for a request of the measurement of an open loop (a closed loop's request is due when it is sent).
     */
    void issue(long dueNanos, long nowNanos) {
        issued++;
        inFlight.push(dueNanos, nowNanos);
        if (paced && window.inMeasurement(nowNanos)) {
            worker.sentLate(nowNanos - Math.max(dueNanos, readySinceNanos));
        }
    }

    /** The oldest request in flight got the complete response {@code decoder} holds: checked and settled. */
    void answered(ResponseDecoder decoder, long now) {
        long intended = inFlight.oldestIntendedNanos();
        long sent = inFlight.oldestSentNanos();
        pop(now);
        fairness.answered(window, now);
        int status = decoder.status();
        if (status != check.status()) {
            settle(intended, sent, now, ErrorKind.STATUS,
                    worker.wantsMessage(ErrorKind.STATUS) ? "status " + status + ", expected " + check.status() : null);
        } else if (!check.bodyMatches(decoder.bodyLength(), decoder.bodyChecksum())) {
            settle(intended, sent, now, ErrorKind.BODY,
                    worker.wantsMessage(ErrorKind.BODY) ? describeBodyMismatch(decoder) : null);
        } else {
            settle(intended, sent, now, null, null);
        }
    }

    /** Ends the oldest request in flight; a full pipeline can take the next request from {@code now}. */
    private void pop(long now) {
        if (inFlight.isFull()) {
            readySinceNanos = now;
        }
        inFlight.pop();
    }

    /** Every request in flight fails with this kind of error. */
    void failAll(ErrorKind kind, String message, long now) {
        while (inFlight.size() > 0) {
            long intended = inFlight.oldestIntendedNanos();
            long sent = inFlight.oldestSentNanos();
            pop(now);
            settle(intended, sent, now, kind, message);
        }
    }

    /** A failure that no request in flight is part of: counted if within the measurement. */
    void unattributedError(ErrorKind kind, String message, long now) {
        if (window.inMeasurement(now)) {
            worker.error(kind, message);
        } else {
            worker.noteMessage(kind, message);
        }
    }

    /**
     * The measurement ended at {@code endNanos}: the requests in flight are unfinished, and so, in
     * an open loop, are those due before the end but never sent (none in a closed loop).
     */
    void stop(long endNanos) {
        for (int i = 0; i < inFlight.size(); i++) {
            long intended = inFlight.intendedNanos(i);
            fairness.waited(window, intended, endNanos);
            if (window.counts(intended, endNanos)) {
                worker.unfinished(1);
            }
        }
        inFlight.clear();
        if (pacing != null) {
            settleDueButUnsent(endNanos);
        }
    }

    /**
     * Settles one request as a success ({@code error == null}) or an error, if it counts, or as
     * unfinished ({@link Window#counts}, {@link Window#unfinished}).
     */
    private void settle(long intended, long sent, long now, ErrorKind error, String message) {
        fairness.waited(window, intended, now);
        if (!window.counts(intended, now)) {
            if (error != null) {
                worker.noteMessage(error, message);
            }
            return;
        }
        if (window.unfinished(now)) {
            worker.unfinished(1);
        } else if (error == null) {
            worker.success(now - intended, now - sent);
        } else {
            worker.error(error, message);
        }
    }

    private void settleDueButUnsent(long endNanos) {
        long due = pacing.dueNanos(issued, endNanos);
        if (due >= endNanos) {
            return;
        }
        fairness.waited(window, due, endNanos);
        long unsent = 0;
        for (long k = issued; (due = pacing.dueNanos(k, endNanos)) < endNanos; k++) {
            if (window.counts(due, endNanos)) {
                unsent++;
            }
        }
        worker.unfinished(unsent);
    }

    private String describeBodyMismatch(ResponseDecoder decoder) {
        StringBuilder message = new StringBuilder("body of ").append(decoder.bodyLength()).append(" bytes");
        if (check.bodyLength() != ResponseCheck.ANY) {
            message.append(", expected ").append(check.bodyLength());
        }
        if (check.checksumsBody()) {
            message.append(String.format(", CRC32C %08x, expected %08x", decoder.bodyChecksum(), check.bodyCrc32c()));
        }
        return message.toString();
    }
}
