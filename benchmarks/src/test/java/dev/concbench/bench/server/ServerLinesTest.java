package dev.concbench.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concbench.servers.ServerReport;
import org.junit.jupiter.api.Test;

class ServerLinesTest {

    @Test
    void readsTheListeningLineWithWorkersAndFigures() {
        var line = ServerLines.listening(
                "concbench: model pool listening on http://127.0.0.1:40123 (threads: 4) transport=nio eventLoops=64")
                .orElseThrow();

        assertThat(line.model()).isEqualTo("pool");
        assertThat(line.address().getHostString()).isEqualTo("127.0.0.1");
        assertThat(line.address().getPort()).isEqualTo(40123);
        assertThat(line.report().transport()).isEqualTo("nio");
        assertThat(line.report().eventLoops()).isEqualTo(64);
        assertThat(line.info()).containsExactly(
                java.util.Map.entry("eventLoops", "64"), java.util.Map.entry("transport", "nio"),
                java.util.Map.entry("workers", "4"), java.util.Map.entry("workersMeaning", "threads"));
    }

    @Test
    void aWordThatNamesNoFigureIsLeftOutAndAMalformedFigureRefused() {
        var line = ServerLines.listening(
                "concbench: model pool listening on http://127.0.0.1:40123 (threads: 4) transport=nio queue=64")
                .orElseThrow();

        assertThat(line.info()).containsOnlyKeys("transport", "workers", "workersMeaning");
        assertThatThrownBy(() -> ServerLines.stopped("concbench: model process stopped childrenSpawned=many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("childrenSpawned=many");
    }

    @Test
    void readsAWorkerMeaningOfSeveralWordsAndAnIpv6Address() {
        var line = ServerLines.listening("concbench: model prefork listening on http://[::1]:8080 (worker processes: 2)")
                .orElseThrow();

        assertThat(line.address().getHostString()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(line.info()).containsEntry("workersMeaning", "worker processes").containsEntry("workers", "2");
    }

    @Test
    void readsTheListeningLineOfAModelWithoutWorkers() {
        var line = ServerLines.listening("concbench: model iterative listening on http://127.0.0.1:9696").orElseThrow();

        assertThat(line.model()).isEqualTo("iterative");
        assertThat(line.info()).isEmpty();
    }

    @Test
    void readsQuotedValuesWithSpacesAndEscapes() {
        var report = ServerLines.stopped(
                "concbench: model prefork stopped workerAotCache=\"not prepared: no \\\"cache\\\"\" workersSpawned=2 transport=\"\"")
                .orElseThrow();
        assertThat(ServerLines.facts(report)).containsEntry("workerAotCache", "not prepared: no \"cache\"")
                .containsEntry("workersSpawned", "2").containsEntry("transport", "").hasSize(3);
    }

    @Test
    void ignoresOtherLines() {
        assertThat(ServerLines.listening("concbench-servers: unknown model 'nope'")).isEmpty();
        assertThat(ServerLines.listening("concbench: model pool stopped")).isEmpty();
        assertThat(ServerLines.stopped("concbench: model pool listening on http://127.0.0.1:1")).isEmpty();
    }

    @Test
    void readsTheStoppedLineFigures() {
        var report = ServerLines.stopped("concbench: model process stopped childrenSpawned=12 liveChildren=0").orElseThrow();
        assertThat(report.childrenSpawned()).isEqualTo(12L);
        assertThat(report.liveChildren()).isZero();
        assertThat(ServerLines.facts(report)).hasSize(2);
        assertThat(ServerLines.stopped("concbench: model pool stopped").orElseThrow()).isEqualTo(ServerReport.NONE);
    }
}
