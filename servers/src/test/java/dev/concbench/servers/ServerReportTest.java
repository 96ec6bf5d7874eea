package dev.concbench.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The report's figures as a parent process reads them: names, texts and the words they travel in. */
class ServerReportTest {

    private static final ServerReport EVERY_FIGURE = new ServerReport("epoll", 4, 200, 5, 6L, 1L, 64, 208L, 0, 2L,
            31.5, 48.25, "off: no \"cache\" here");

    @Test
    void everyFigureComesBackFromItsWords() {
        assertThat(ServerReport.parseWords(EVERY_FIGURE.words())).isEqualTo(EVERY_FIGURE);
        assertThat(ServerReport.of(EVERY_FIGURE.facts())).isEqualTo(EVERY_FIGURE);
    }

    @Test
    void eachModelsFiguresKeepTheirNamesAndOrder() {
        assertThat(ServerReport.childProcesses(64, 208, 0, 2, 31.5, 48.25, "on").words()).isEqualTo(
                "maxChildren=64 childrenSpawned=208 liveChildren=0 childrenFailed=2 spawnToExitMedianMs=31.5"
                        + " spawnToExitP99Ms=48.25 workerAotCache=on");
        assertThat(ServerReport.childProcesses(64, 0, 0, 0, null, null, "on").facts())
                .containsOnlyKeys("maxChildren", "childrenSpawned", "liveChildren", "childrenFailed", "workerAotCache");
        assertThat(ServerReport.workerProcesses(5, 5, 6, 1, "not prepared").words())
                .isEqualTo("workers=5 liveWorkers=5 workersSpawned=6 workersReplaced=1 workerAotCache=\"not prepared\"");
        assertThat(ServerReport.transport("io_uring").words()).isEqualTo("transport=io_uring");
        assertThat(ServerReport.eventLoops(2).words()).isEqualTo("eventLoops=2");
        assertThat(ServerReport.workers(200).words()).isEqualTo("workers=200");
        assertThat(ServerReport.NONE.words()).isEmpty();
        assertThat(ServerReport.NONE.facts()).isEmpty();
    }

    @Test
    void aValueIsQuotedWhenEmptyOrSpacedAndItsQuotesAndBackslashesEscaped() {
        assertThat(ServerReport.transport("").words()).isEqualTo("transport=\"\"");
        assertThat(ServerReport.transport("a\\b").words()).isEqualTo("transport=a\\b");
        assertThat(ServerReport.transport("say \"a\\b\"").words()).isEqualTo("transport=\"say \\\"a\\\\b\\\"\"");
        assertThat(ServerReport.parseWords("transport=\"say \\\"a\\\\b\\\"\"").transport()).isEqualTo("say \"a\\b\"");
    }

    @Test
    void aWordThatNamesNoFigureIsLeftOut() {
        assertThat(ServerReport.parseWords("queue=64 workers=4 processesSpawned=12")).isEqualTo(ServerReport.workers(4));
    }

    @Test
    void aValueThatDoesNotFitItsFigureIsRefused() {
        assertThatThrownBy(() -> ServerReport.parseWords("workers=four"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("server report: workers=four is not a whole number");
        assertThatThrownBy(() -> ServerReport.parseWords("liveChildren=4294967296"))
                .hasMessage("server report: liveChildren=4294967296 is out of range");
        assertThatThrownBy(() -> ServerReport.parseWords("spawnToExitP99Ms=fast"))
                .hasMessage("server report: spawnToExitP99Ms=fast is not a number");
    }
}
