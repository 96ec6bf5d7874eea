package dev.concbench.reports.cli;

import java.nio.file.Path;
import java.util.List;

/** One parsed invocation of the report tool. */
sealed interface Command {

    /** {@code render RESULT.json [-o DIR]}: the HTML report as {@code DIR/index.html}. */
    record Render(Path result, Path outputDirectory) implements Command {
    }

    /** {@code summary RESULT.json [--baseline B.json]... [-o FILE]}: Markdown to stdout or FILE. */
    record Summary(Path result, List<Path> baselines, Path outputFile, boolean acrossMachines) implements Command {
    }

    /** {@code compare BASELINE.json... CANDIDATE.json [options]}: the verdict table. */
    record Compare(List<Path> baselines, Path candidate, boolean failOnRegression, boolean acrossMachines,
                   double minEffectPercent, double minLatencyEffectPercent, Path outputFile) implements Command {
    }

    /** {@code machines RESULT.json... [--normalise] [-o DIR]}: machines side by side. */
    record Machines(List<Path> results, boolean normalise, Path outputDirectory) implements Command {
    }

    /** {@code promote RESULT.json [--results-dir DIR]}: make a run its machine's baseline. */
    record Promote(Path result, Path resultsDirectory) implements Command {
    }

    /**
     * {@code conclude (RESULT.json | --last-run FILE) [--results-dir DIR] [-o DIR] [--fail-on-regression]}:
     * the end of a suite run — report, summary, and the verdict against the machine's baseline.
     * Exactly one of {@code result} and {@code lastRunFile} is set.
     */
    record Conclude(Path result, Path lastRunFile, Path resultsDirectory, Path outputDirectory,
                    boolean failOnRegression, double minEffectPercent) implements Command {
    }

    /**
     * {@code verdict AB-RESULT.json [--min-effect PCT] [--fail-on-regression] [-o FILE]}: the
     * verdict of an A/B run from its paired windows.
     */
    record AbVerdict(Path result, double minEffectPercent, boolean failOnRegression, Path outputFile)
            implements Command {
    }

    /** {@code --help}: the usage of the tool or of one verb. */
    record Help(String usage) implements Command {
    }
}
