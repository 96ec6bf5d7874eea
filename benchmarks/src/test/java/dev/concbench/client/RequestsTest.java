package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.http.ResponseDecoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a connection's requests end and what of them counts, without sockets. */
class RequestsTest {

    /** Measures from 100 to 200 ns. */
    private static final Window TIMED = new Window(0, 100, 200, false);

    private final LoopWorker worker = new LoopWorker(null, null, null);

    @Test
    void aResponseIsCheckedThenCountedIfItEndsInTheWindow() throws Exception {
        Requests requests = started(new LoadModel.ClosedLoop(1), 2);
        requests.issue(requests.nextDueNanos(110), 110);
        requests.issue(requests.nextDueNanos(120), 120);

        requests.answered(decoded("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"), 150);
        requests.answered(decoded("HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n"), 160);

        assertThat(worker.requests()).isOne();
        assertThat(worker.errors(ErrorKind.STATUS)).isOne();
        assertThat(worker.firstMessage(ErrorKind.STATUS)).isEqualTo("status 503, expected 200");
        assertThat(requests.inFlight()).isZero();
        assertThat(requests.fairness().answers()).isEqualTo(2);
        assertThat(requests.fairness().longestWaitNanos()).isEqualTo(40);
    }

    @Test
    void atTheEndTheRequestsInFlightAndThoseDueButUnsentAreUnfinished() {
        // 10 requests per second on one connection: due at 0, 100 ms, 200 ms, ...
        Requests requests = new Requests(worker, plan(new LoadModel.OpenLoop(1, 10), 1),
                new Window(0, 0, 1_000_000_000, false));
        requests.start(new Window(0, 0, 1_000_000_000, false), Pacing.of(new LoadModel.OpenLoop(1, 10), 0, 0));
        requests.issue(requests.nextDueNanos(0), 0);

        requests.stop(350_000_000);

        assertThat(worker.unfinished()).as("one in flight, three due at 100, 200 and 300 ms").isEqualTo(4);
        assertThat(requests.inFlight()).isZero();
    }

    @Test
    void aFailureWithNoRequestInFlightCountsOnlyInTheWindow() {
        Requests requests = started(new LoadModel.ClosedLoop(1), 1);

        requests.unattributedError(ErrorKind.CONNECT, "refused", 50);
        requests.unattributedError(ErrorKind.CONNECT, "refused again", 150);

        assertThat(worker.errors(ErrorKind.CONNECT)).isOne();
        assertThat(worker.firstMessage(ErrorKind.CONNECT)).isEqualTo("refused");
    }

    private Requests started(LoadModel model, int pipelineDepth) {
        Requests requests = new Requests(worker, plan(model, pipelineDepth), Window.beforeStart(false));
        requests.start(TIMED, Pacing.of(model, 0, 0));
        return requests;
    }

    private static RunPlan plan(LoadModel model, int pipelineDepth) {
        return new RunPlan(null, model, false, pipelineDepth, SlowSend.NONE, ResponseCheck.status(200), false,
                1_000_000_000L, 10);
    }

    private static ResponseDecoder decoded(String response) throws Exception {
        ResponseDecoder decoder = new ResponseDecoder(false, false);
        ByteBuf in = Unpooled.copiedBuffer(response, StandardCharsets.ISO_8859_1);
        try {
            assertThat(decoder.decode(in)).isTrue();
        } finally {
            in.release();
        }
        return decoder;
    }
}
