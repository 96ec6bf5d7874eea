package dev.concbench.reports.cli;

import dev.concbench.reports.ab.AbComparison;
import dev.concbench.reports.compare.CompareOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses the report tool's arguments into a {@link Command}. Defaults live here. */
final class CommandLine {

    static final Path DEFAULT_REPORT_DIRECTORY = Path.of("report");
    static final Path DEFAULT_RESULTS_DIRECTORY = Path.of("results");

    static final String USAGE = """
            usage: java -jar concbench-report.jar <verb> [arguments]

              render RESULT.json [-o DIR]
                  write a self-contained HTML report to DIR/index.html (default DIR: report)
              summary RESULT.json [--baseline B.json]... [--across-machines] [-o FILE]
                  Markdown summary for a CI job summary; with baselines, the top changes
              compare BASELINE.json [BASELINE2.json ...] CANDIDATE.json [--fail-on-regression]
                      [--across-machines] [--min-effect PCT] [--min-latency-effect PCT] [-o FILE]
                  per-benchmark change and verdict; several baselines are pooled
                  (defaults: --min-effect 5 for throughput, --min-latency-effect 10 for p99).
                  Runs taken at different times carry the machine's drift: indicative only;
                  the verdict to trust is an A/B run's (mvn verify -Pbench -Dbench.against=REF)
              verdict AB-RESULT.json [--min-effect PCT] [--fail-on-regression] [-o FILE]
                  the verdict of an A/B run (both builds side by side in one run) from its
                  paired windows: per case the ratio B/A with its interval (default --min-effect 5)
              machines RESULT.json... [--normalise] [-o DIR]
                  the same benchmarks on several machines side by side (Markdown to stdout;
                  with -o also DIR/machines.html with a chart); --normalise divides by each
                  run's client ceiling
              promote RESULT.json [--results-dir DIR]
                  make the run its machine's baseline: DIR/baseline/<machine>.json (default DIR: results)
              conclude (RESULT.json | --last-run FILE) [--results-dir DIR] [-o DIR] [--fail-on-regression]
                       [--min-effect PCT]
                  what `mvn verify -Pbench` does at its end: DIR/index.html and DIR/summary.md
                  (default DIR: report), then the verdict: an A/B run's own, from its pairs;
                  otherwise against the machine's baseline, <results-dir>/baseline/<machine>.json,
                  when there is one (indicative). A regression only warns unless
                  --fail-on-regression. --last-run names a file holding the result file's path
              a flag may also be written --flag=true or --flag=false, an option --option=value
              --help
                  this text

            exit status: 0 done; 1 regression found with --fail-on-regression; 2 bad arguments or input
            """;

    private CommandLine() {
    }

    static Command parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("no verb given");
        }
        String verb = args.getFirst();
        var rest = new Arguments(verb, args.subList(1, args.size()));
        return switch (verb) {
            case "--help", "-h", "help" -> new Command.Help();
            case "render" -> {
                rest.allow(Set.of("-o"), Set.of());
                Path result = rest.single("RESULT.json");
                yield new Command.Render(result, rest.path("-o", DEFAULT_REPORT_DIRECTORY));
            }
            case "summary" -> {
                rest.allow(Set.of("-o", "--baseline"), Set.of("--across-machines"));
                Path result = rest.single("RESULT.json");
                yield new Command.Summary(result, rest.paths("--baseline"), rest.path("-o", null),
                        rest.flag("--across-machines"));
            }
            case "compare" -> {
                rest.allow(Set.of("-o", "--min-effect", "--min-latency-effect"),
                        Set.of("--fail-on-regression", "--across-machines"));
                List<Path> files = rest.positionalPaths();
                if (files.size() < 2) {
                    throw new UsageException("compare needs at least one BASELINE.json and a CANDIDATE.json");
                }
                yield new Command.Compare(files.subList(0, files.size() - 1), files.getLast(),
                        rest.flag("--fail-on-regression"), rest.flag("--across-machines"),
                        rest.percent("--min-effect", CompareOptions.DEFAULT_MIN_EFFECT_PERCENT),
                        rest.percent("--min-latency-effect", CompareOptions.DEFAULT_MIN_LATENCY_EFFECT_PERCENT),
                        rest.path("-o", null));
            }
            case "machines" -> {
                rest.allow(Set.of("-o"), Set.of("--normalise", "--normalize"));
                List<Path> files = rest.positionalPaths();
                if (files.isEmpty()) {
                    throw new UsageException("machines needs at least one RESULT.json");
                }
                yield new Command.Machines(files, rest.flag("--normalise") || rest.flag("--normalize"),
                        rest.path("-o", null));
            }
            case "promote" -> {
                rest.allow(Set.of("--results-dir"), Set.of());
                Path result = rest.single("RESULT.json");
                yield new Command.Promote(result, rest.path("--results-dir", DEFAULT_RESULTS_DIRECTORY));
            }
            case "verdict" -> {
                rest.allow(Set.of("--min-effect", "-o"), Set.of("--fail-on-regression"));
                Path result = rest.single("AB-RESULT.json");
                yield new Command.AbVerdict(result, rest.percent("--min-effect", AbComparison.DEFAULT_MIN_EFFECT_PERCENT),
                        rest.flag("--fail-on-regression"), rest.path("-o", null));
            }
            case "conclude" -> {
                rest.allow(Set.of("--last-run", "--results-dir", "-o", "--min-effect"), Set.of("--fail-on-regression"));
                Path lastRun = rest.path("--last-run", null);
                List<Path> files = rest.positionalPaths();
                if ((lastRun == null) == files.isEmpty() || files.size() > 1) {
                    throw new UsageException("conclude needs either one RESULT.json or --last-run FILE");
                }
                yield new Command.Conclude(files.isEmpty() ? null : files.getFirst(), lastRun,
                        rest.path("--results-dir", DEFAULT_RESULTS_DIRECTORY),
                        rest.path("-o", DEFAULT_REPORT_DIRECTORY), rest.flag("--fail-on-regression"),
                        rest.percent("--min-effect", AbComparison.DEFAULT_MIN_EFFECT_PERCENT));
            }
            default -> throw new UsageException("unknown verb \"" + verb + "\"");
        };
    }

    /** The arguments after the verb: options with values, flags, positional file names. */
    private static final class Arguments {

        private final String verb;
        private final List<String> args;
        private final List<String> positional = new ArrayList<>();
        private final List<String[]> options = new ArrayList<>();
        private final List<String> flags = new ArrayList<>();

        Arguments(String verb, List<String> args) {
            this.verb = verb;
            this.args = args;
        }

        void allow(Set<String> valued, Set<String> booleans) throws UsageException {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (valued.contains(arg)) {
                    if (i + 1 >= args.size()) {
                        throw new UsageException(arg + " needs a value");
                    }
                    options.add(new String[] {arg, args.get(++i)});
                } else if (arg.contains("=") && valued.contains(arg.substring(0, arg.indexOf('=')))) {
                    // --name=value, the form Maven passes
                    options.add(new String[] {arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1)});
                } else if (booleans.contains(arg)) {
                    flags.add(arg);
                } else if (arg.contains("=") && booleans.contains(arg.substring(0, arg.indexOf('=')))) {
                    String flag = arg.substring(0, arg.indexOf('='));
                    switch (arg.substring(arg.indexOf('=') + 1)) {
                        case "true" -> flags.add(flag);
                        case "false" -> { }
                        default -> throw new UsageException(flag + " takes true or false, got \"" + arg + "\"");
                    }
                } else if (arg.startsWith("-") && arg.length() > 1) {
                    throw new UsageException("unknown option " + arg + " for " + verb);
                } else {
                    positional.add(arg);
                }
            }
            for (String[] option : options) {
                if (!option[0].equals("--baseline")
                        && options.stream().filter(o -> o[0].equals(option[0])).count() > 1) {
                    throw new UsageException(option[0] + " given more than once");
                }
            }
        }

        Path single(String what) throws UsageException {
            if (positional.size() != 1) {
                throw new UsageException(verb + " needs exactly one " + what
                        + (positional.isEmpty() ? "" : ", got " + positional.size() + " files"));
            }
            return Path.of(positional.getFirst());
        }

        List<Path> positionalPaths() {
            return positional.stream().map(Path::of).toList();
        }

        boolean flag(String name) {
            return flags.contains(name);
        }

        Path path(String option, Path fallback) {
            return options.stream().filter(o -> o[0].equals(option)).map(o -> Path.of(o[1])).findFirst()
                    .orElse(fallback);
        }

        List<Path> paths(String option) {
            return options.stream().filter(o -> o[0].equals(option)).map(o -> Path.of(o[1])).toList();
        }

        double percent(String option, double fallback) throws UsageException {
            var value = options.stream().filter(o -> o[0].equals(option)).map(o -> o[1]).findFirst();
            if (value.isEmpty()) {
                return fallback;
            }
            try {
                double percent = Double.parseDouble(value.get().replaceFirst("%$", ""));
                if (percent >= 0 && percent < 1000) {
                    return percent;
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            throw new UsageException(option + " must be a percentage between 0 and 1000, got \"" + value.get() + "\"");
        }
    }
}
