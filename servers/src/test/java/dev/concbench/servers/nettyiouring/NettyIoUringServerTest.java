package dev.concbench.servers.nettyiouring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModels;
import dev.concbench.servers.parity.EventLoopModelTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NettyIoUringServerTest extends EventLoopModelTest {

    @Override
    protected String model() {
        return NettyIoUringModel.NAME;
    }

    @BeforeEach
    void needsIoUring() {
        assumeTrue(new NettyIoUringModel().unavailableReason().isEmpty(),
                () -> new NettyIoUringModel().unavailableReason().orElseThrow());
    }

    @Test
    void servesOnIoUringAndSaysSo() throws IOException {
        Server server = start(ServerConfig.defaults());
        assertThat(server.report().transport()).isEqualTo("io_uring");
        assertThat(ServerModels.byName(model()).reference()).isTrue();
    }
}
