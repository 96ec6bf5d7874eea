package dev.concbench.reports.cli;

import dev.concbench.reports.ab.AbComparison;
import dev.concbench.reports.baseline.Baselines;
import dev.concbench.reports.compare.CompareOptions;
import dev.concbench.reports.compare.Comparison;
import dev.concbench.reports.html.HtmlReport;
import dev.concbench.reports.html.MachinesHtml;
import dev.concbench.reports.machines.MachineMatrix;
import dev.concbench.reports.markdown.MarkdownAb;
import dev.concbench.reports.markdown.MarkdownCompare;
import dev.concbench.reports.markdown.MarkdownMachines;
import dev.concbench.reports.markdown.MarkdownSummary;
import dev.concbench.results.AtomicFiles;
import dev.concbench.results.ResultFileException;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.ResultLayout;
import dev.concbench.results.RunResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.ParameterException;

/**
 * {@code java -jar concbench-report.jar <verb> ...}: render, summary, compare, verdict, machines, promote,
 * conclude.
 * Exit status 0 when done, 1 for a regression under {@code --fail-on-regression}, 2 for bad
 * arguments or bad input (one line on stderr naming the file and the problem; nothing written).
 */
public final class Main {

    static final int OK = 0;
    static final int REGRESSION = 1;
    static final int BAD_INPUT = 2;
    private static final String NAME = "concbench-report";

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        var stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        var stderr = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new Main(stdout, stderr).run(Arrays.asList(args)));
    }

    /** Runs one command; returns the exit status. Never throws for bad arguments or input. */
    int run(List<String> args) {
        Command command;
        try {
            command = Verbs.parse(args);
        } catch (ParameterException wrong) {
            err.println(NAME + ": " + wrong.getMessage());
            err.print(wrong.getCommandLine().getUsageMessage());
            return BAD_INPUT;
        }
        try {
            return execute(command);
        } catch (ResultFileException | IllegalArgumentException badInput) {
            err.println(NAME + ": " + badInput.getMessage());
            return BAD_INPUT;
        } catch (IOException cannotWrite) {
            err.println(NAME + ": " + describe(cannotWrite));
            return BAD_INPUT;
        }
    }

    private int execute(Command command) throws IOException {
        return switch (command) {
            case Command.Help help -> {
                out.print(help.usage());
                yield OK;
            }
            case Command.Render render -> {
                err.println("wrote " + writeReport(ResultFiles.read(render.result()), render.outputDirectory()));
                yield OK;
            }
            case Command.Summary summary -> {
                RunResult run = ResultFiles.read(summary.result());
                List<RunResult> baselines = readAll(summary.baselines());
                Comparison comparison = baselines.isEmpty() ? null : Comparison.of(baselines, run,
                        CompareOptions.DEFAULTS.withAcrossMachines(summary.acrossMachines()));
                emit(MarkdownSummary.render(run, comparison), summary.outputFile());
                yield OK;
            }
            case Command.Compare compare -> {
                List<RunResult> baselines = readAll(compare.baselines());
                RunResult candidate = ResultFiles.read(compare.candidate());
                var options = new CompareOptions(compare.minEffectPercent(), compare.minLatencyEffectPercent(),
                        compare.acrossMachines());
                Comparison comparison = Comparison.of(baselines, candidate, options);
                emit(MarkdownCompare.render(comparison), compare.outputFile());
                yield compare.failOnRegression() && comparison.hasRegressions() ? REGRESSION : OK;
            }
            case Command.Machines machines -> {
                MachineMatrix matrix = MachineMatrix.of(readAll(machines.results()), machines.normalise());
                String markdown = MarkdownMachines.render(matrix);
                if (machines.outputDirectory() != null) {
                    Path html = write(machines.outputDirectory().resolve("machines.html"), MachinesHtml.render(matrix));
                    Path md = write(machines.outputDirectory().resolve("machines.md"), markdown);
                    err.println("wrote " + html + " and " + md);
                }
                out.print(markdown);
                yield OK;
            }
            case Command.Promote promote -> {
                Baselines.Promoted promoted = Baselines.promote(promote.result(), promote.resultsDirectory());
                err.println("promoted " + promote.result() + " to " + promoted.baseline()
                        + (promoted.jmhRawFile() != null ? " (JMH's raw file: " + promoted.jmhRawFile() + ")"
                        : promoted.missingJmhRawFile() != null ? "; its JMH raw file " + promoted.missingJmhRawFile()
                        + " is missing, so the baseline has none" : ""));
                yield OK;
            }
            case Command.Conclude conclude -> conclude(conclude);
            case Command.AbVerdict verdict -> {
                AbComparison comparison = abComparison(ResultFiles.read(verdict.result()), verdict.result(),
                        verdict.minEffectPercent());
                emit(MarkdownAb.render(comparison), verdict.outputFile());
                yield verdict.failOnRegression() && comparison.hasRegressions() ? REGRESSION : OK;
            }
        };
    }

    /**
     * The end of a suite run: the report and summary written, then the verdict against the
     * machine's baseline printed. A regression warns; it fails only with --fail-on-regression.
     */
    private int conclude(Command.Conclude conclude) throws IOException {
        Path resultFile = (conclude.result() != null ? conclude.result() : readLastRun(conclude.lastRunFile()))
                .normalize();
        RunResult run = ResultFiles.read(resultFile);
        if (run.comparesBuilds()) {
            return concludeAb(run, resultFile, conclude);
        }
        Path resultsDirectory = conclude.resultsDirectory().normalize();
        Path baselineFile = ResultLayout.baselineFile(resultsDirectory, run.machineIdentity());
        RunResult baseline = Baselines.find(resultsDirectory, run.machineIdentity()).orElse(null);
        Comparison comparison = baseline == null ? null : Comparison.of(List.of(baseline), run, CompareOptions.DEFAULTS);

        Path report = writeReport(run, conclude.outputDirectory());
        Path summary = write(conclude.outputDirectory().resolve("summary.md"), MarkdownSummary.render(run, comparison));
        out.println("report:  " + report.toAbsolutePath().normalize().toUri());
        out.println("summary: " + summary.toAbsolutePath().normalize());
        if (comparison == null) {
            out.println("baseline: none for this machine (" + baselineFile + "); to make this run the baseline:");
            out.println("  java -jar reports/target/concbench-report.jar promote " + resultFile);
            return OK;
        }
        out.println("baseline: " + baselineFile);
        out.print(MarkdownCompare.render(comparison));
        if (!comparison.hasRegressions()) {
            out.println("verdict: no regression against the baseline");
            return OK;
        }
        err.println(NAME + ": " + (conclude.failOnRegression() ? "" : "warning: ")
                + "regressions against the baseline " + baselineFile + " (see the table above)");
        return conclude.failOnRegression() ? REGRESSION : OK;
    }

    /** The end of an A/B run: report and summary, then the run's own verdict from its pairs. */
    private int concludeAb(RunResult run, Path resultFile, Command.Conclude conclude) throws IOException {
        AbComparison comparison = abComparison(run, resultFile, conclude.minEffectPercent());
        Path report = write(conclude.outputDirectory().resolve("index.html"), HtmlReport.render(run, comparison));
        Path summary = write(conclude.outputDirectory().resolve("summary.md"),
                MarkdownAb.render(comparison) + MarkdownSummary.render(run));
        out.println("report:  " + report.toAbsolutePath().normalize().toUri());
        out.println("summary: " + summary.toAbsolutePath().normalize());
        out.print(MarkdownAb.render(comparison));
        if (!comparison.hasRegressions()) {
            out.println("verdict: " + MarkdownAb.headline(comparison).replace("**", ""));
            return OK;
        }
        err.println(NAME + ": " + (conclude.failOnRegression() ? "" : "warning: ") + "A/B verdict: "
                + MarkdownAb.headline(comparison).replace("**", "") + " (see the table above)");
        return conclude.failOnRegression() ? REGRESSION : OK;
    }

    private static AbComparison abComparison(RunResult run, Path file, double minEffectPercent)
            throws ResultFileException {
        if (!run.comparesBuilds()) {
            throw new ResultFileException(file, ResultFileException.Problem.INVALID,
                    "not an A/B run (run the suite with -Dbench.against=REF); compare two runs with 'compare'", null);
        }
        return AbComparison.of(run, minEffectPercent);
    }

    /** The result file named in a last-run file; a relative name is resolved against its directory. */
    private static Path readLastRun(Path lastRunFile) throws ResultFileException {
        String named;
        try {
            named = Files.readString(lastRunFile, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException missing) {
            throw new ResultFileException(lastRunFile, ResultFileException.Problem.MISSING,
                    "no such file; the suite writes it when it finishes", missing);
        } catch (IOException unreadable) {
            throw new ResultFileException(lastRunFile, ResultFileException.Problem.UNREADABLE, describe(unreadable),
                    unreadable);
        }
        if (named.isEmpty() || named.contains("\n")) {
            throw new ResultFileException(lastRunFile, ResultFileException.Problem.INVALID,
                    "should hold the path of one result file", null);
        }
        Path resultFile = Path.of(named);
        return resultFile.isAbsolute() ? resultFile : lastRunFile.toAbsolutePath().getParent().resolve(resultFile);
    }

    private static Path writeReport(RunResult run, Path directory) throws IOException {
        try {
            return HtmlReport.write(run, directory);
        } catch (IOException failed) {
            throw new IOException("cannot write " + directory.resolve("index.html") + ": " + describe(failed), failed);
        }
    }

    /** Reads every file before anything is written, so bad input leaves nothing behind. */
    private static List<RunResult> readAll(List<Path> files) throws ResultFileException {
        var runs = new ArrayList<RunResult>();
        for (Path file : files) {
            runs.add(ResultFiles.read(file));
        }
        return runs;
    }

    private void emit(String text, Path file) throws IOException {
        if (file == null) {
            out.print(text);
        } else {
            err.println("wrote " + write(file, text));
        }
    }

    private static Path write(Path file, String text) throws IOException {
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException failed) {
            throw new IOException("cannot write " + file + ": " + describe(failed), failed);
        }
    }

    private static String describe(IOException failure) {
        if (failure instanceof FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason()
                    : fs.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
                    .toLowerCase(java.util.Locale.ROOT);
            return (fs.getFile() == null ? "" : fs.getFile() + ": ") + reason;
        }
        return failure.getMessage() != null ? failure.getMessage() : failure.getClass().getSimpleName();
    }
}
