package dev.concbench.reports.cli;

import dev.concbench.reports.ab.AbComparison;
import dev.concbench.reports.compare.CompareOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.TypeConversionException;

/**
 * The report tool's command line: one picocli subcommand per verb, each giving its {@link Command}.
 * Defaults live here. A flag may also be written {@code --flag=true} or {@code --flag=false}.
 */
@CommandLine.Command(name = "concbench-report", customSynopsis = "java -jar concbench-report.jar <verb> [arguments]",
        subcommands = {Verbs.Render.class, Verbs.Summary.class, Verbs.Compare.class, Verbs.Verdict.class,
                Verbs.Machines.class, Verbs.Promote.class, Verbs.Conclude.class, Verbs.Help.class},
        commandListHeading = "%nverbs:%n", optionListHeading = "%n",
        footer = {"", "A flag may also be written --flag=true or --flag=false, an option --option=value.",
                "java -jar concbench-report.jar <verb> --help shows a verb's arguments.", "",
                "exit status: 0 done; 1 regression found with --fail-on-regression; 2 bad arguments or input"})
final class Verbs {

    static final String DEFAULT_REPORT_DIRECTORY = "report";
    static final String DEFAULT_RESULTS_DIRECTORY = "results";

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "this text")
    private boolean help;

    private Verbs() {
    }

    /**
     * Parses the arguments into a command.
     *
     * @throws ParameterException with a one-line message for anything wrong in them; its command
     *                            line is the verb's, whose usage explains it
     */
    static Command parse(List<String> args) {
        CommandLine commandLine = new CommandLine(new Verbs()).setUsageHelpWidth(100);
        commandLine.getSubcommands().values().forEach(verb -> verb.getCommandSpec().usageMessage().synopsisHeading("usage: "));
        commandLine.getCommandSpec().usageMessage().synopsisHeading("usage: ");
        ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
        if (parsed.isUsageHelpRequested()) {
            return new Command.Help(commandLine.getUsageMessage());
        }
        if (!parsed.hasSubcommand()) {
            throw new ParameterException(commandLine, "no verb given");
        }
        CommandLine verb = parsed.subcommand().commandSpec().commandLine();
        if (parsed.subcommand().isUsageHelpRequested()) {
            return new Command.Help(verb.getUsageMessage());
        }
        return verb.<Verb>getCommand().command(verb);
    }

    /** One verb's arguments as picocli fills them. */
    private interface Verb {
        /** The command, once what picocli cannot check is checked. */
        Command command(CommandLine verb);
    }

    @CommandLine.Command(name = "render", description = "write a self-contained HTML report to DIR/index.html")
    static final class Render implements Verb {
        @Parameters(paramLabel = "RESULT.json")
        private Path result;

        @Option(names = "-o", paramLabel = "DIR", defaultValue = DEFAULT_REPORT_DIRECTORY,
                description = "(default ${DEFAULT-VALUE})")
        private Path outputDirectory;

        @Override
        public Command command(CommandLine verb) {
            return new Command.Render(result, outputDirectory);
        }
    }

    @CommandLine.Command(name = "summary",
            description = "Markdown summary for a CI job summary; with baselines, the top changes")
    static final class Summary implements Verb {
        @Parameters(paramLabel = "RESULT.json")
        private Path result;

        @Option(names = "--baseline", paramLabel = "B.json", description = "a run to compare with (repeatable)")
        private List<Path> baselines = new ArrayList<>();

        @Option(names = "--across-machines", arity = "0..1", paramLabel = "BOOL", description = "compare runs of different machines")
        private boolean acrossMachines;

        @Option(names = "-o", paramLabel = "FILE", description = "write to FILE instead of standard output")
        private Path outputFile;

        @Override
        public Command command(CommandLine verb) {
            return new Command.Summary(result, List.copyOf(baselines), outputFile, acrossMachines);
        }
    }

    @CommandLine.Command(name = "compare", customSynopsis = "concbench-report compare [options] BASELINE.json... CANDIDATE.json",
            description = {
                    "per-benchmark change and verdict; several baselines are pooled.",
                    "Runs taken at different times carry the machine's drift: indicative only;",
                    "the verdict to trust is an A/B run's (mvn verify -Pbench -Dbench.against=REF)"})
    static final class Compare implements Verb {
        @Parameters(paramLabel = "RESULT.json", arity = "1..*",
                description = "the baselines, then the candidate: BASELINE.json [BASELINE2.json ...] CANDIDATE.json")
        private List<Path> files = new ArrayList<>();

        @Option(names = "--fail-on-regression", arity = "0..1", paramLabel = "BOOL", description = "exit 1 when a benchmark regressed")
        private boolean failOnRegression;

        @Option(names = "--across-machines", arity = "0..1", paramLabel = "BOOL", description = "compare runs of different machines")
        private boolean acrossMachines;

        @Option(names = "--min-effect", paramLabel = "PCT", converter = Percent.class,
                defaultValue = "" + CompareOptions.DEFAULT_MIN_EFFECT_PERCENT,
                description = "the smallest throughput change judged (default ${DEFAULT-VALUE})")
        private double minEffectPercent;

        @Option(names = "--min-latency-effect", paramLabel = "PCT", converter = Percent.class,
                defaultValue = "" + CompareOptions.DEFAULT_MIN_LATENCY_EFFECT_PERCENT,
                description = "the smallest p99 change judged (default ${DEFAULT-VALUE})")
        private double minLatencyEffectPercent;

        @Option(names = "-o", paramLabel = "FILE", description = "write to FILE instead of standard output")
        private Path outputFile;

        @Override
        public Command command(CommandLine verb) {
            if (files.size() < 2) {
                throw new ParameterException(verb, "compare needs at least one BASELINE.json and a CANDIDATE.json");
            }
            return new Command.Compare(List.copyOf(files.subList(0, files.size() - 1)), files.getLast(),
                    failOnRegression, acrossMachines, minEffectPercent, minLatencyEffectPercent, outputFile);
        }
    }

    @CommandLine.Command(name = "verdict", description = {
            "the verdict of an A/B run: per case the ratio B/A with its interval",
            "from the paired windows (an A/B run has both builds side by side in one run)"})
    static final class Verdict implements Verb {
        @Parameters(paramLabel = "AB-RESULT.json")
        private Path result;

        @Option(names = "--min-effect", paramLabel = "PCT", converter = Percent.class,
                defaultValue = "" + AbComparison.DEFAULT_MIN_EFFECT_PERCENT,
                description = "the smallest change judged (default ${DEFAULT-VALUE})")
        private double minEffectPercent;

        @Option(names = "--fail-on-regression", arity = "0..1", paramLabel = "BOOL", description = "exit 1 when a case regressed")
        private boolean failOnRegression;

        @Option(names = "-o", paramLabel = "FILE", description = "write to FILE instead of standard output")
        private Path outputFile;

        @Override
        public Command command(CommandLine verb) {
            return new Command.AbVerdict(result, minEffectPercent, failOnRegression, outputFile);
        }
    }

    @CommandLine.Command(name = "machines", description = {
            "the same benchmarks on several machines side by side, as Markdown to stdout",
            "(with -o also DIR/machines.html with a chart)"})
    static final class Machines implements Verb {
        @Parameters(paramLabel = "RESULT.json", arity = "1..*")
        private List<Path> results = new ArrayList<>();

        @Option(names = {"--normalise", "--normalize"}, arity = "0..1", paramLabel = "BOOL",
                description = "divide by each run's client ceiling")
        private boolean normalise;

        @Option(names = "-o", paramLabel = "DIR", description = "also write machines.html and machines.md here")
        private Path outputDirectory;

        @Override
        public Command command(CommandLine verb) {
            return new Command.Machines(List.copyOf(results), normalise, outputDirectory);
        }
    }

    @CommandLine.Command(name = "promote",
            description = "make the run its machine's baseline: DIR/baseline/<machine>.json")
    static final class Promote implements Verb {
        @Parameters(paramLabel = "RESULT.json")
        private Path result;

        @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = DEFAULT_RESULTS_DIRECTORY,
                description = "(default ${DEFAULT-VALUE})")
        private Path resultsDirectory;

        @Override
        public Command command(CommandLine verb) {
            return new Command.Promote(result, resultsDirectory);
        }
    }

    @CommandLine.Command(name = "conclude", customSynopsis = "concbench-report conclude (RESULT.json | --last-run FILE) [options]",
            description = {
                    "what `mvn verify -Pbench` does at its end: the report, the summary, then the verdict.",
                    "It writes DIR/index.html and DIR/summary.md; the verdict is an A/B run's own, from its",
                    "pairs; otherwise against the machine's baseline, <results-dir>/baseline/<machine>.json,",
                    "when there is one (indicative). A regression only warns unless --fail-on-regression."})
    static final class Conclude implements Verb {
        @Parameters(paramLabel = "RESULT.json", arity = "0..1")
        private Path result;

        @Option(names = "--last-run", paramLabel = "FILE", description = "a file holding the result file's path")
        private Path lastRun;

        @Option(names = "--results-dir", paramLabel = "DIR", defaultValue = DEFAULT_RESULTS_DIRECTORY,
                description = "where the baselines are (default ${DEFAULT-VALUE})")
        private Path resultsDirectory;

        @Option(names = "-o", paramLabel = "DIR", defaultValue = DEFAULT_REPORT_DIRECTORY,
                description = "(default ${DEFAULT-VALUE})")
        private Path outputDirectory;

        @Option(names = "--fail-on-regression", arity = "0..1", paramLabel = "BOOL", description = "exit 1 on a regression")
        private boolean failOnRegression;

        @Option(names = "--min-effect", paramLabel = "PCT", converter = Percent.class,
                defaultValue = "" + AbComparison.DEFAULT_MIN_EFFECT_PERCENT,
                description = "the smallest change an A/B verdict judges (default ${DEFAULT-VALUE})")
        private double minEffectPercent;

        @Override
        public Command command(CommandLine verb) {
            if ((lastRun == null) == (result == null)) {
                throw new ParameterException(verb, "conclude needs either one RESULT.json or --last-run FILE");
            }
            return new Command.Conclude(result, lastRun, resultsDirectory, outputDirectory, failOnRegression,
                    minEffectPercent);
        }
    }

    @CommandLine.Command(name = "help", description = "this text, or a verb's")
    static final class Help implements Verb {
        @Parameters(paramLabel = "VERB", arity = "0..1")
        private String verb;

        @Override
        public Command command(CommandLine help) {
            CommandLine tool = help.getParent();
            CommandLine named = verb == null ? tool : tool.getSubcommands().get(verb);
            if (named == null) {
                throw new ParameterException(tool, "unknown verb \"" + verb + "\"");
            }
            return new Command.Help(named.getUsageMessage());
        }
    }

    /** A percentage from 0 up to 1000, with or without its {@code %}. */
    static final class Percent implements ITypeConverter<Double> {
        @Override
        public Double convert(String text) {
            try {
                double percent = Double.parseDouble(text.replaceFirst("%$", ""));
                if (percent >= 0 && percent < 1000) {
                    return percent;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new TypeConversionException("must be a percentage between 0 and 1000, got \"" + text + "\"");
        }
    }
}
