package dev.concbench.reports.baseline;

import dev.concbench.reports.support.Fixtures;
import dev.concbench.results.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BaselinesTest {

    @TempDir
    Path results;

    @Test
    void aPromotedRunIsFoundAsItsMachinesBaseline() throws IOException {
        RunResult run = Fixtures.run("compare/baseline.json");
        assertThat(Baselines.find(results, run.machine().id())).isEmpty();

        Baselines.Promoted promoted = Baselines.promote(Fixtures.path("compare/baseline.json"), results);

        assertThat(promoted.baseline()).isEqualTo(results.resolve("baseline").resolve(run.machine().id() + ".json"));
        assertThat(promoted.jmhRawFile()).isNull();
        assertThat(promoted.missingJmhRawFile()).isEqualTo(Fixtures.path("compare/baseline.json").resolveSibling(run.jmhRawFile()));
        assertThat(Baselines.find(results, run.machine().id())).contains(run.withJmhRawFile(null));
        assertThat(Baselines.find(results, "another-machine")).isEmpty();
    }

    @Test
    void promotingAgainReplacesTheBaseline() throws IOException {
        Baselines.promote(Fixtures.path("compare/baseline.json"), results);
        Baselines.promote(Fixtures.path("compare/drop30.json"), results);

        RunResult newer = Fixtures.run("compare/drop30.json");
        assertThat(Baselines.find(results, newer.machine().id())).contains(newer.withJmhRawFile(null));
    }

    @Test
    void aBaselineWithoutARawFileRemovesTheRawFileOfTheOneBefore() throws IOException {
        RunResult run = Fixtures.run("compare/baseline.json");
        Path staleRaw = results.resolve("baseline").resolve(run.machine().id() + ".jmh.json");
        Files.createDirectories(staleRaw.getParent());
        Files.writeString(staleRaw, "[]");

        Baselines.promote(Fixtures.path("compare/baseline.json"), results);

        assertThat(staleRaw).doesNotExist();
    }
}
