package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.testing.NettyLeakCheck;
import dev.concbench.client.testing.ScriptedServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Nothing is left behind: connections, descriptors, threads, buffers. */
@ExtendWith(NettyLeakCheck.class)
class ResourcesTest {

    @Test
    void aRunLeavesNoConnectionDescriptorOrBufferAndCloseLeavesNoThread() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.keepAlive("Hello, World!"))) {
            LoadClient client = LoadClient.create(2);
            try {
                long descriptorsBefore = openDescriptors();
                for (ConnectionMode mode : ConnectionMode.values()) {
                    LoadSpec spec = LoadSpec.closedLoop(server.address(), 16, Duration.ofMillis(300))
                            .withConnectionMode(mode);
                    LoadResult result = client.run(spec);
                    assertThat(result.requests()).isPositive();
                    assertThat(client.openConnections()).isZero();
                }
                // The server's side of closed connections may take a moment to go.
                assertThat(waitForDescriptors(descriptorsBefore)).isLessThanOrEqualTo(descriptorsBefore);
            } finally {
                client.close();
            }
            assertThat(clientThreads()).isEmpty();
            assertThat(client.openConnections()).isZero();
        }
    }

    @Test
    void theLeakCheckFindsALeakedBuffer() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        leaked.writeInt(42);
        leaked = null; // dropped without release()

        assertThat(NettyLeakCheck.collectLeaks()).isNotEmpty();
    }

    private static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .filter(name -> name.startsWith("concbench-client"))
                .toList();
    }

    private static long waitForDescriptors(long target) throws InterruptedException, IOException {
        long count = openDescriptors();
        for (int i = 0; i < 50 && count > target; i++) {
            Thread.sleep(20);
            count = openDescriptors();
        }
        return count;
    }

    private static long openDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
