package dev.concbench.bench.suite;

import dev.concbench.bench.server.CpuList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.Optional;

/**
 * The suite runner's command line. Every value may be blank, meaning its default, because Maven
 * passes unset {@code -Dbench.*} properties as empty strings.
 *
 * @param preset      the suite to run
 * @param narrowing   models, scenarios and connections to narrow it to
 * @param resultsDir  where {@code runs/<machine>/...} goes
 * @param workDir     where each benchmark's JMH log, JMH JSON and trial records go
 * @param pinning     the CPUs of server and client
 * @param inProcess   run the server inside the benchmark JVM
 * @param jmhOutput   show JMH's own output instead of writing it to the work directory
 * @param dryRun      print the plan and stop
 * @param help        print the usage and stop
 * @param against     the baseline of an A/B run ({@code self}, a commit-ish or a checkout's path), or
 *                    empty for a plain run
 * @param maven       the {@code mvn} that builds a baseline
 * @param mavenOffline whether a baseline builds offline
 * @param buildCache  where baseline builds are kept, by commit
 */
record RunnerOptions(SuitePreset preset, Narrowing narrowing, Path resultsDir, Path workDir, Pinning pinning,
                     boolean inProcess, boolean jmhOutput, boolean dryRun, boolean help, Optional<String> against,
                     String maven, boolean mavenOffline, Path buildCache) {

    static final String USAGE = """
            usage: java -cp benchmarks.jar dev.concbench.bench.suite.SuiteRunner [options]
                   (or: mvn verify -Pbench -Dbench.suite=... -Dbench.models=... ...)

            Runs a benchmark suite against every registered server model and writes one result
            file, results/runs/<machine>/<UTC time>-<commit>.json, with JMH's JSON beside it.
            Options take their value as the next word or after '='; an empty value means the default.

              --suite NAME          smoke, quick or full (default quick)
              --models LIST         only these models, comma-separated (default: every registered model)
              --scenarios LIST      only these scenarios of the suite, comma-separated
              --connections LIST    replace every scenario's connection counts, comma-separated
              --results-dir DIR     where runs/<machine>/ goes (default results)
              --work-dir DIR        where JMH logs and trial records go (default target/bench)
              --server-cpus LIST    pin the server to these CPUs (taskset list, e.g. 1 or 2-3), or none
              --client-cpus LIST    pin the benchmark JVM to these CPUs, or none
                                    (default: %s; in an A/B run %s; e.g. --server-cpus=1 --client-cpus=0)
              --against REF         A/B: run the baseline REF's servers beside this build's, windows
                                    alternating; REF is 'self' (the same build: measures the noise),
                                    a commit-ish of this repository, or the path of another checkout
              --maven CMD           the mvn that builds a baseline (default mvn)
              --maven-offline[=BOOL] build a baseline offline
              --build-cache DIR     where baseline builds are kept by commit (default ~/.cache/concbench/builds)
              --in-process[=BOOL]   run the server inside the benchmark JVM (for profiling; no resources)
              --jmh-output[=BOOL]   show JMH's own output instead of logging it to the work directory
              --dry-run[=BOOL]      print the benchmarks that would run, and stop
              --help                show this help
            """;

    private static final Set<String> BOOLEAN_OPTIONS = Set.of("--in-process", "--jmh-output",
            "--dry-run", "--maven-offline");

    RunnerOptions {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(narrowing, "narrowing");
        Objects.requireNonNull(resultsDir, "resultsDir");
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(pinning, "pinning");
        Objects.requireNonNull(against, "against");
        Objects.requireNonNull(maven, "maven");
        Objects.requireNonNull(buildCache, "buildCache");
        if (against.isPresent() && inProcess) {
            throw new IllegalArgumentException("--against runs two servers side by side in their own processes; "
                    + "it cannot be combined with --in-process");
        }
    }

    static String usage() {
        return USAGE.formatted(Pinning.defaultFor(false).describe(), Pinning.defaultFor(true).describe());
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException with a one-line message for anything it cannot accept
     */
    static RunnerOptions parse(String[] args) {
        String suite = "";
        String models = "";
        String scenarios = "";
        String connections = "";
        String resultsDir = "";
        String workDir = "";
        String serverCpus = "";
        String clientCpus = "";
        boolean inProcess = false;
        boolean jmhOutput = false;
        boolean dryRun = false;
        boolean help = false;
        String against = "";
        String maven = "";
        boolean mavenOffline = false;
        String buildCache = "";
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            // --name=value, the form Maven passes (an empty value survives it)
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0 && !BOOLEAN_OPTIONS.contains(arg.substring(0, eq))) {
                words.add(arg.substring(0, eq));
                words.add(arg.substring(eq + 1));
            } else {
                words.add(arg);
            }
        }
        args = words.toArray(String[]::new);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--suite" -> suite = value(args, ++i, arg);
                case "--models" -> models = value(args, ++i, arg);
                case "--scenarios" -> scenarios = value(args, ++i, arg);
                case "--connections" -> connections = value(args, ++i, arg);
                case "--results-dir" -> resultsDir = value(args, ++i, arg);
                case "--work-dir" -> workDir = value(args, ++i, arg);
                case "--server-cpus" -> serverCpus = value(args, ++i, arg);
                case "--client-cpus" -> clientCpus = value(args, ++i, arg);
                case "--against" -> against = value(args, ++i, arg);
                case "--maven" -> maven = value(args, ++i, arg);
                case "--build-cache" -> buildCache = value(args, ++i, arg);
                case "--help", "-h" -> help = true;
                default -> {
                    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                    boolean on = flag(arg);
                    switch (name) {
                        case "--in-process" -> inProcess = on;
                        case "--jmh-output" -> jmhOutput = on;
                        case "--dry-run" -> dryRun = on;
                        case "--maven-offline" -> mavenOffline = on;
                        default -> throw new IllegalArgumentException("unknown option '" + arg + "' (see --help)");
                    }
                }
            }
        }
        Pinning pinning = Pinning.defaultFor(!against.isBlank());
        if (!serverCpus.isBlank() || !clientCpus.isBlank()) {
            pinning = new Pinning(serverCpus.isBlank() ? pinning.server() : cpus(serverCpus, "--server-cpus"),
                    clientCpus.isBlank() ? pinning.client() : cpus(clientCpus, "--client-cpus"));
        }
        return new RunnerOptions(
                SuitePreset.byName(suite.isBlank() ? SuitePreset.QUICK.name() : suite),
                Narrowing.parse(models, scenarios, connections),
                Path.of(resultsDir.isBlank() ? "results" : resultsDir),
                Path.of(workDir.isBlank() ? "target/bench" : workDir),
                pinning, inProcess, jmhOutput, dryRun, help,
                Optional.of(against.strip()).filter(ref -> !ref.isEmpty()),
                maven.isBlank() ? "mvn" : maven.strip(), mavenOffline,
                buildCache.isBlank() ? BaselineBuild.defaultCache() : Path.of(buildCache.strip()));
    }

    private static CpuList cpus(String text, String option) {
        if (text.strip().equalsIgnoreCase("none")) {
            return null;
        }
        try {
            return new CpuList(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    /** A boolean option: bare, {@code =true} or {@code =} (empty) mean true, {@code =false} false. */
    private static boolean flag(String arg) {
        int eq = arg.indexOf('=');
        String value = eq < 0 ? "true" : arg.substring(eq + 1).strip();
        return switch (value) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(arg.substring(0, eq) + " takes true or false, not '"
                    + value + "'");
        };
    }

    /** An option's value; an empty one is allowed (Maven's unset property). */
    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
