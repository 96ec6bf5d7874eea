package dev.concbench.client.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test class after whose tests Netty's leak detector finds a buffer that was never
 * released. Buffers are found leaked only once collected, so after the tests this collects garbage
 * and then allocates a few buffers, which is when Netty looks at what was collected. (Per class
 * rather than per test: each check costs a few full collections.)
 */
public final class NettyLeakCheck implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        assertThat(RecordingLeakDetector.installed())
                .as("the surefire argLine must install RecordingLeakDetector").isTrue();
        collectLeaks(); // leaks of an earlier class are that class's, reported there
    }

    @Override
    public void afterAll(ExtensionContext context) {
        assertThat(collectLeaks()).as("Netty buffers leaked by the tests of " + context.getDisplayName()).isEmpty();
    }

    /** Collects garbage, lets Netty report what leaked, and returns it. */
    public static List<String> collectLeaks() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            for (ByteBufAllocator allocator : List.of(PooledByteBufAllocator.DEFAULT, UnpooledByteBufAllocator.DEFAULT,
                    ByteBufAllocator.DEFAULT)) {
                ByteBuf probe = allocator.directBuffer(8);
                probe.release();
                probe = allocator.heapBuffer(8);
                probe.release();
            }
        }
        return RecordingLeakDetector.drain();
    }
}
