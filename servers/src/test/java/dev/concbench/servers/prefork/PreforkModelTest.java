package dev.concbench.servers.prefork;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import org.junit.jupiter.api.Test;

/** The worker count: gunicorn's (2 × cores) + 1 unless the configuration names one. */
class PreforkModelTest {

    private final PreforkModel model = new PreforkModel();

    @Test
    void defaultsToTwicePerCorePlusOne() {
        assertThat(PreforkModel.defaultWorkers(1)).isEqualTo(3);
        assertThat(PreforkModel.defaultWorkers(2)).isEqualTo(5);
        assertThat(PreforkModel.defaultWorkers(8)).isEqualTo(17);
        assertThat(model.defaultWorkers()).isEqualTo(2 * Runtime.getRuntime().availableProcessors() + 1);
    }

    @Test
    void aServerWithoutAWorkerCountGetsTheDefaultAndOneWithACountKeepsIt() throws Exception {
        try (Server byDefault = model.create(ServerConfig.defaults());
             Server three = model.create(ServerConfig.defaults().withWorkers(3))) {
            assertThat(byDefault.report().workers()).isEqualTo(model.defaultWorkers());
            assertThat(three.report().workers()).isEqualTo(3);
        }
    }
}
