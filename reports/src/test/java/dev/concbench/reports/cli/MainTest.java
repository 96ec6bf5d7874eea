package dev.concbench.reports.cli;

import dev.concbench.reports.support.Fixtures;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String fixture(String name) {
        return Fixtures.path(name).toString();
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("--help")).isZero();
        assertThat(out()).startsWith("usage: java -jar concbench-report.jar").contains("render", "summary", "compare",
                "machines", "promote", "conclude");
    }

    @Test
    void badArgumentsGiveOneLineAndUsageWithExitTwo() {
        for (String[] args : List.of(new String[] {}, new String[] {"draw"}, new String[] {"render"},
                new String[] {"render", "a.json", "--colour"}, new String[] {"compare", "only.json"},
                new String[] {"compare", "a.json", "b.json", "--min-effect", "lots"},
                new String[] {"summary", "a.json", "-o"})) {
            out.reset();
            err.reset();
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            List<String> lines = err().lines().toList();
            assertThat(lines.getFirst()).startsWith("concbench-report: ").doesNotContain("Exception");
            assertThat(lines.get(1)).startsWith("usage:");
            assertThat(out()).isEmpty();
        }
    }

    @Test
    void aVerbsHelpShowsItsArgumentsAndDefaults() {
        assertThat(run("compare", "--help")).isZero();
        assertThat(out()).startsWith("usage: concbench-report compare")
                .contains("--min-effect=PCT", "(default 5.0)", "--fail-on-regression", "RESULT.json");
        out.reset();
        assertThat(run("help", "conclude")).isZero();
        assertThat(out()).startsWith("usage: concbench-report conclude (RESULT.json | --last-run FILE)");
    }

    @Test
    void aBadValueIsOneLineNamingTheOptionThenTheVerbsUsage() {
        assertThat(run("verdict", "x.json", "--min-effect=lots")).isEqualTo(2);
        List<String> lines = err().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("concbench-report: Invalid value for option '--min-effect': "
                + "must be a percentage between 0 and 1000, got \"lots\"");
        assertThat(lines.get(1)).startsWith("usage: concbench-report verdict");
        assertThat(out()).isEmpty();
    }

    @Test
    void missingFileIsOneLineNamingItWithExitTwo() {
        Path missing = dir.resolve("absent.json");
        assertThat(run("render", missing.toString(), "-o", dir.resolve("report").toString())).isEqualTo(2);
        assertThat(err()).isEqualTo("concbench-report: " + missing + ": no such file\n");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    @Test
    void truncatedFileIsOneLineNamingItWithExitTwoAndNothingWritten() throws IOException {
        Path truncated = dir.resolve("truncated.json");
        String json = Files.readString(Fixtures.path("compare/baseline.json"));
        Files.writeString(truncated, json.substring(0, json.length() / 3));
        Path output = dir.resolve("summary.md");

        assertThat(run("summary", truncated.toString(), "-o", output.toString())).isEqualTo(2);

        assertThat(err()).startsWith("concbench-report: " + truncated + ": truncated JSON (input ends at line ")
                .endsWith(")\n").hasLineCount(1);
        assertThat(output).doesNotExist();
    }

    @Test
    void newerSchemaIsOneLineNamingItWithExitTwo() throws IOException {
        Path future = dir.resolve("future.json");
        Files.writeString(future, Files.readString(Fixtures.path("compare/baseline.json"))
                .replaceFirst("\"schema\": 1", "\"schema\": 7"));

        assertThat(run("compare", fixture("compare/baseline.json"), future.toString())).isEqualTo(2);

        assertThat(err()).isEqualTo("concbench-report: " + future
                + ": schema version 7 is newer than this concbench reads (" + RunResult.SCHEMA_VERSION
                + "); use a newer concbench\n");
        assertThat(out()).isEmpty();
    }

    @Test
    void notJsonIsOneLineWithExitTwo() throws IOException {
        Path html = dir.resolve("page.json");
        Files.writeString(html, "<!DOCTYPE html>");
        assertThat(run("machines", html.toString())).isEqualTo(2);
        assertThat(err()).startsWith("concbench-report: " + html + ": not JSON at line 1").hasLineCount(1);
    }

    @Test
    void compareExitsOneOnARegressionOnlyWhenAsked() {
        assertThat(run("compare", fixture("compare/baseline.json"), fixture("compare/drop30.json"))).isZero();
        assertThat(out()).startsWith("## concbench compare: 1 regression");
        out.reset();
        assertThat(run("compare", fixture("compare/baseline.json"), fixture("compare/drop30.json"),
                "--fail-on-regression")).isEqualTo(1);
        out.reset();
        assertThat(run("compare", fixture("compare/baseline.json"), fixture("compare/drift3.json"),
                "--fail-on-regression")).isZero();
        assertThat(out()).startsWith("## concbench compare: no significant change");
    }

    @Test
    void minEffectChangesTheVerdict() {
        assertThat(run("compare", fixture("compare/baseline.json"), fixture("compare/drop30.json"),
                "--fail-on-regression", "--min-effect", "35", "--min-latency-effect", "50")).isZero();
        assertThat(out()).contains("below 35%");
    }

    @Test
    void severalBaselinesArePooled() {
        assertThat(run("compare", fixture("compare/baseline.json"), fixture("compare/baseline-2.json"),
                fixture("compare/drop30.json"), "--fail-on-regression")).isEqualTo(1);
        assertThat(out()).contains("Baselines (2 runs, pooled)");
    }

    @Test
    void differentMachinesAreRefusedWithExitTwoUnlessAllowed() {
        assertThat(run("compare", fixture("compare/baseline.json"), fixture("compare/other-machine.json"))).isEqualTo(2);
        assertThat(err()).startsWith("concbench-report: results from different machines: ")
                .contains("--across-machines").hasLineCount(1);
        assertThat(out()).isEmpty();

        err.reset();
        assertThat(run("compare", fixture("compare/baseline.json"), fixture("compare/other-machine.json"),
                "--across-machines")).isZero();
        assertThat(out()).contains("**Across machines:**");
    }

    @Test
    void compareWritesToAFileWhenAsked() throws IOException {
        Path output = dir.resolve("out/compare.md");
        assertThat(run("compare", fixture("compare/baseline.json"), fixture("compare/baseline.json"), "-o",
                output.toString())).isZero();
        assertThat(Files.readString(output)).startsWith("## concbench compare: no significant change");
        assertThat(out()).isEmpty();
        assertThat(err()).isEqualTo("wrote " + output + "\n");
    }

    @Test
    void summaryWithABaselineListsTopChanges() {
        assertThat(run("summary", fixture("compare/drop30.json"), "--baseline", fixture("compare/baseline.json"))).isZero();
        assertThat(out()).contains("### Against the baseline", "**1 regression**");
    }

    @Test
    void renderWritesOneSelfContainedPage() throws IOException {
        Path report = dir.resolve("report");
        assertThat(run("render", fixture("run-epyc.json"), "-o", report.toString())).isZero();
        try (Stream<Path> files = Files.list(report)) {
            assertThat(files).containsExactly(report.resolve("index.html"));
        }
        assertThat(Files.readString(report.resolve("index.html"))).startsWith("<!DOCTYPE html>");
    }

    @Test
    void renderIntoAFileInsteadOfADirectoryFailsWithOneLine() throws IOException {
        Path blocker = Files.writeString(dir.resolve("report"), "not a directory");
        assertThat(run("render", fixture("compare/baseline.json"), "-o", blocker.toString())).isEqualTo(2);
        assertThat(err()).startsWith("concbench-report: cannot write " + blocker.resolve("index.html")).hasLineCount(1);
        assertThat(Files.readString(blocker)).isEqualTo("not a directory");
    }

    @Test
    void machinesPrintsTheTableAndWritesAPageWhenAsked() {
        Path output = dir.resolve("machines");
        assertThat(run("machines", fixture("run-epyc.json"), fixture("run-xeon.json"), "--normalise", "-o",
                output.toString())).isZero();
        assertThat(out()).startsWith("## concbench on 2 machines").contains("share of each run's own client ceiling");
        assertThat(output.resolve("machines.html")).isRegularFile();
        assertThat(output.resolve("machines.md")).hasContent(out().strip());
    }

    @Test
    void promoteCopiesTheRunAndItsJmhRawFileToItsMachinesBaseline() throws IOException {
        Path runFile = copyWithRawFile("compare/drop30.json");
        RunResult run = ResultFiles.read(runFile);
        Path results = dir.resolve("results");

        assertThat(run("promote", runFile.toString(), "--results-dir", results.toString())).isZero();

        Path baseline = results.resolve("baseline").resolve(run.machine().id() + ".json");
        Path raw = baseline.resolveSibling(run.machine().id() + ".jmh.json");
        assertThat(ResultFiles.read(baseline)).isEqualTo(run.withJmhRawFile(raw.getFileName().toString()));
        assertThat(raw).hasSameTextualContentAs(runFile.resolveSibling(run.jmhRawFile()));
        try (Stream<Path> files = Files.list(baseline.getParent())) {
            assertThat(files).containsExactlyInAnyOrder(baseline, raw);
        }
        assertThat(err()).isEqualTo("promoted " + runFile + " to " + baseline + " (JMH's raw file: " + raw + ")\n");
    }

    @Test
    void promoteSaysWhenTheJmhRawFileIsMissing() throws IOException {
        RunResult run = Fixtures.run("compare/drop30.json");
        Path results = dir.resolve("results");

        assertThat(run("promote", fixture("compare/drop30.json"), "--results-dir", results.toString())).isZero();

        Path baseline = results.resolve("baseline").resolve(run.machine().id() + ".json");
        assertThat(ResultFiles.read(baseline)).isEqualTo(run.withJmhRawFile(null));
        assertThat(err()).isEqualTo("promoted " + fixture("compare/drop30.json") + " to " + baseline
                + "; its JMH raw file " + Fixtures.path("compare/drop30.json").resolveSibling(run.jmhRawFile()) + " is missing, so the baseline has none\n");
    }

    @Test
    void concludeWithoutABaselineWritesTheReportAndSaysHowToPromote() throws IOException {
        Path results = dir.resolve("results");
        Path report = dir.resolve("report");

        assertThat(run("conclude", fixture("compare/baseline.json"), "--results-dir", results.toString(),
                "-o", report.toString())).isZero();

        assertThat(report.resolve("index.html")).isRegularFile();
        assertThat(report.resolve("summary.md")).content().startsWith("## concbench");
        assertThat(out()).contains("report:  " + report.resolve("index.html").toUri(),
                "baseline: none for this machine", "promote " + fixture("compare/baseline.json"));
        assertThat(err()).isEmpty();
    }

    @Test
    void concludeWarnsOfARegressionAgainstTheBaselineAndFailsOnlyWhenAsked() throws IOException {
        Path results = dir.resolve("results");
        assertThat(run("promote", fixture("compare/baseline.json"), "--results-dir", results.toString())).isZero();
        Path lastRun = dir.resolve("bench").resolve("last-run.txt");
        Files.createDirectories(lastRun.getParent());
        Files.writeString(lastRun, fixture("compare/drop30.json") + "\n");
        String[] args = {"conclude", "--last-run", lastRun.toString(), "--results-dir", results.toString(),
                "-o", dir.resolve("report").toString()};

        out.reset();
        err.reset();
        assertThat(run(args)).isZero();
        assertThat(out()).contains("baseline: " + results.resolve("baseline"), "regression");
        assertThat(err()).startsWith("concbench-report: warning: regressions against the baseline");

        out.reset();
        err.reset();
        String[] failing = Stream.concat(Stream.of(args), Stream.of("--fail-on-regression")).toArray(String[]::new);
        assertThat(run(failing)).isEqualTo(1);
        assertThat(err()).startsWith("concbench-report: regressions against the baseline");
    }

    @Test
    void concludeAgainstAnEqualBaselineFindsNoRegression() throws IOException {
        Path results = dir.resolve("results");
        assertThat(run("promote", fixture("compare/baseline.json"), "--results-dir", results.toString())).isZero();
        out.reset();
        err.reset();

        assertThat(run("conclude", fixture("compare/baseline.json"), "--results-dir", results.toString(),
                "-o", dir.resolve("report").toString(), "--fail-on-regression")).isZero();

        assertThat(out()).contains("verdict: no regression against the baseline");
    }

    @Test
    void concludeWithoutALastRunFileIsOneLineWithExitTwo() {
        Path lastRun = dir.resolve("last-run.txt");

        assertThat(run("conclude", "--last-run", lastRun.toString(), "-o", dir.resolve("report").toString()))
                .isEqualTo(2);

        assertThat(err()).isEqualTo("concbench-report: " + lastRun
                + ": no such file; the suite writes it when it finishes\n");
        assertThat(dir.resolve("report")).doesNotExist();
    }

    /** A fixture copied into the temp directory with a JMH raw file beside it, as a real run has. */
    private Path copyWithRawFile(String fixture) throws IOException {
        Path copy = dir.resolve("runs").resolve(Path.of(fixture).getFileName());
        Files.createDirectories(copy.getParent());
        Files.copy(Fixtures.path(fixture), copy);
        Files.writeString(copy.resolveSibling(ResultFiles.read(copy).jmhRawFile()), "[{\"benchmark\": \"raw\"}]");
        return copy;
    }

    @Test
    void promoteRefusesAnIncompleteRunAndLeavesTheOldBaseline() throws IOException {
        Path incomplete = dir.resolve("incomplete.json");
        Files.writeString(incomplete, Files.readString(Fixtures.path("compare/baseline.json"))
                .replace("\"complete\": true", "\"complete\": false")
                .replace("\"incompleteReason\": null", "\"incompleteReason\": \"interrupted\""));
        Path results = dir.resolve("results");
        RunResult run = ResultFiles.read(incomplete);
        Path baseline = results.resolve("baseline").resolve(run.machine().id() + ".json");
        Files.createDirectories(baseline.getParent());
        Files.writeString(baseline, "old");

        assertThat(run("promote", incomplete.toString(), "--results-dir", results.toString())).isEqualTo(2);

        assertThat(err()).isEqualTo("concbench-report: " + incomplete
                + ": an incomplete run (interrupted) cannot become a baseline\n");
        assertThat(baseline).hasContent("old");
    }

    @Test
    void concludeOnAnAbRunGivesItsOwnVerdictAndFailsOnARegressionWhenAsked() throws IOException {
        RunResult ab = dev.concbench.reports.ab.AbRuns.of(3, true, 0.8, 1.25, false);
        Path file = dir.resolve("ab.json");
        dev.concbench.results.ResultFiles.write(file, ab);
        Path report = dir.resolve("report");

        assertThat(run("conclude", file.toString(), "-o", report.toString(), "--min-effect=5")).isZero();
        assertThat(out()).contains("## A/B verdict: **1 regression**");
        assertThat(err()).contains("warning: A/B verdict: 1 regression");
        assertThat(Files.readString(report.resolve("summary.md"))).startsWith("## A/B verdict: **1 regression**");
        assertThat(Files.readString(report.resolve("index.html"))).contains("id=\"ab\"", "chart-ab");

        assertThat(run("conclude", file.toString(), "-o", report.toString(), "--fail-on-regression")).isEqualTo(1);
        assertThat(run("verdict", file.toString(), "--fail-on-regression=true")).isEqualTo(1);
        assertThat(run("verdict", file.toString(), "--min-effect", "40")).isZero();
    }

    @Test
    void verdictOnAPlainRunIsOneLineWithExitTwo() {
        assertThat(run("verdict", fixture("run-epyc.json"))).isEqualTo(2);
        assertThat(err()).startsWith("concbench-report: " + fixture("run-epyc.json") + ": not an A/B run");
    }
}
