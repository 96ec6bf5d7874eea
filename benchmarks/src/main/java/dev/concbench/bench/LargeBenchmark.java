package dev.concbench.bench;

import dev.concbench.client.LoadSpec;
import dev.concbench.client.ResponseCheck;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/*
 * Question: how does each model behave when a response does not fit in the socket's send buffer?
 *
 * Keep-alive GET /bytes?n=1048576 (1 MiB of a..z), closed loop, every body checked byte for byte
 * (length and CRC32C).
 *
 * Expected shape: bound by copying bytes, not by requests: a few thousand responses per second
 * at most. A blocking model parks a thread per stalled write and keeps pace; a single event loop
 * must interleave partial writes across connections, and its fairness figures show whether it
 * does so evenly or lets one connection hog the loop.
 */
public class LargeBenchmark extends ServerBenchmark {

    @Param({"16"})
    public int connections;

    /** Response body size, bytes. */
    @Param({"1048576"})
    public int bytes;

    private ResponseCheck check;

    @Setup(Level.Trial)
    public void computeCheck() {
        check = new ResponseCheck(200, bytes, patternCrc32c(bytes));
    }

    @Override
    protected Scenario scenario() {
        return Scenario.LARGE;
    }

    @Override
    protected int connections() {
        return connections;
    }

    @Override
    protected LoadSpec loadSpec(InetSocketAddress target, Duration window) {
        return closedLoop(target, window, "/bytes?n=" + bytes, check);
    }

    /** CRC32C of the application's payload: the first n bytes of a..z repeated. */
    static long patternCrc32c(int n) {
        byte[] alphabet = new byte[26];
        for (int i = 0; i < alphabet.length; i++) {
            alphabet[i] = (byte) ('a' + i);
        }
        CRC32C crc = new CRC32C();
        for (int done = 0; done < n; done += alphabet.length) {
            crc.update(alphabet, 0, Math.min(alphabet.length, n - done));
        }
        return crc.getValue();
    }
}
