package dev.concbench.bench.suite;

import dev.concbench.bench.HarnessSettings;
import dev.concbench.bench.server.CpuList;
import dev.concbench.bench.server.SshTarget;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

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
 * @param serverHost  the server host the servers run on over SSH, or {@code null} for this machine
 */
record RunnerOptions(SuitePreset preset, Narrowing narrowing, Path resultsDir, Path workDir, Pinning pinning,
                     boolean inProcess, boolean jmhOutput, boolean dryRun, boolean help, Optional<String> against,
                     String maven, boolean mavenOffline, Path buildCache, SshTarget serverHost) {

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
        if (serverHost != null && inProcess) {
            throw new IllegalArgumentException("--server-host runs the servers on another machine; "
                    + "it cannot be combined with --in-process");
        }
    }

    /** The usage text, with the pinning this machine gets by default. */
    static String usage() {
        CommandLine commandLine = new CommandLine(new Arguments());
        commandLine.getCommandSpec().usageMessage().footer("%nPinning by default: " + Pinning.defaultFor(false).describe()
                + "; in an A/B run " + Pinning.defaultFor(true).describe() + ".%n");
        return commandLine.getUsageMessage();
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException with a one-line message for anything it cannot accept
     */
    static RunnerOptions parse(String[] args) {
        Arguments arguments = new Arguments();
        try {
            new CommandLine(arguments).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return arguments.options();
    }

    /** The command line as picocli fills it: every value a word, blank for its default. */
    @Command(name = "SuiteRunner", synopsisHeading = "usage: ", sortOptions = false, usageHelpWidth = 100,
            customSynopsis = {"java -cp benchmarks.jar dev.concbench.bench.suite.SuiteRunner [options]",
                    "       (or: mvn verify -Pbench -Dbench.suite=... -Dbench.models=... ...)"},
            description = {"",
                    "Runs a benchmark suite against every registered server model and writes one result",
                    "file, results/runs/<machine>/<UTC time>-<commit>.json, with JMH's JSON beside it.",
                    "Options take their value as the next word or after '='; an empty value means the default.",
                    "A flag's value is true or false; bare or empty, it is true."},
            optionListHeading = "%n")
    static final class Arguments {

        @Option(names = "--suite", paramLabel = "NAME", description = "smoke, quick or full (default quick)")
        private String suite = "";

        @Option(names = "--models", paramLabel = "LIST",
                description = "only these models, comma-separated (default: every registered model)")
        private String models = "";

        @Option(names = "--scenarios", paramLabel = "LIST", description = "only these scenarios of the suite, comma-separated")
        private String scenarios = "";

        @Option(names = "--connections", paramLabel = "LIST",
                description = "replace every scenario's connection counts, comma-separated")
        private String connections = "";

        @Option(names = "--results-dir", paramLabel = "DIR", description = "where runs/<machine>/ goes (default results)")
        private String resultsDir = "";

        @Option(names = "--work-dir", paramLabel = "DIR",
                description = "where JMH logs and trial records go (default target/bench)")
        private String workDir = "";

        @Option(names = "--server-cpus", paramLabel = "LIST",
                description = "pin the server to these CPUs (taskset list, e.g. 1 or 2-3), or none")
        private String serverCpus = "";

        @Option(names = "--client-cpus", paramLabel = "LIST", description = {"pin the benchmark JVM to these CPUs, or none",
                "(default: see below; e.g. --server-cpus=1 --client-cpus=0)"})
        private String clientCpus = "";

        @Option(names = "--against", paramLabel = "REF", description = {
                "A/B: run the baseline REF's servers beside this build's, windows",
                "alternating; REF is 'self' (the same build: measures the noise),",
                "a commit-ish of this repository, or the path of another checkout"})
        private String against = "";

        @Option(names = "--maven", paramLabel = "CMD", description = "the mvn that builds a baseline (default mvn)")
        private String maven = "";

        @Option(names = "--maven-offline", arity = "0..1", paramLabel = "BOOL", converter = Flag.class,
                description = "build a baseline offline")
        private boolean mavenOffline;

        @Option(names = "--build-cache", paramLabel = "DIR",
                description = {"where baseline builds are kept by commit", "(default ~/.cache/concbench/builds)"})
        private String buildCache = "";

        @Option(names = "--server-host", paramLabel = "[USER@]HOST", description = {
                "run the servers on this host, started over SSH (key or agent, no",
                "password prompt); the load client stays here (default: this machine)"})
        private String serverHost = "";

        @Option(names = "--ssh-options", paramLabel = "OPTIONS",
                description = "further ssh options, e.g. '-i ~/.ssh/bench -p 2222'")
        private String sshOptions = "";

        @Option(names = "--server-java", paramLabel = "JAVA",
                description = "the JDK 25 java on the server host (default: java on its PATH)")
        private String serverJava = "";

        @Option(names = "--server-dir", paramLabel = "DIR", description = {"where the class path is copied on the server",
                "host (default " + SshTarget.DEFAULT_DIRECTORY + " under its home)"})
        private String serverDir = "";

        @Option(names = "--server-address", paramLabel = "ADDRESS", description = {
                "the server host's address the servers bind and the client connects",
                "to (default: the address the SSH connection reached)"})
        private String serverAddress = "";

        @Option(names = "--in-process", arity = "0..1", paramLabel = "BOOL", converter = Flag.class,
                description = "run the server inside the benchmark JVM (for profiling; no resources)")
        private boolean inProcess;

        @Option(names = "--jmh-output", arity = "0..1", paramLabel = "BOOL", converter = Flag.class,
                description = "show JMH's own output instead of logging it to the work directory")
        private boolean jmhOutput;

        @Option(names = "--dry-run", arity = "0..1", paramLabel = "BOOL", converter = Flag.class,
                description = "print the benchmarks that would run, and stop")
        private boolean dryRun;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        private boolean help;

        /** The options, with a blank value replaced by its default. */
        RunnerOptions options() {
            // Servers on another machine: nothing to split between them and the client here.
            Pinning pinning = serverHost.isBlank() ? Pinning.defaultFor(!against.isBlank()) : Pinning.NONE;
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
                    buildCache.isBlank() ? BaselineBuild.defaultCache() : Path.of(buildCache.strip()),
                    serverHost.isBlank() ? null : new SshTarget(serverHost.strip(), HarnessSettings.words(sshOptions),
                            serverJava, serverDir, serverAddress));
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
    }

    /** A flag's value: bare, {@code =true} or {@code =} (empty, Maven's unset property) mean true, {@code =false} false. */
    static final class Flag implements CommandLine.ITypeConverter<Boolean> {
        @Override
        public Boolean convert(String value) {
            return switch (value.strip()) {
                case "", "true" -> true;
                case "false" -> false;
                default -> throw new CommandLine.TypeConversionException("takes true or false, not '" + value + "'");
            };
        }
    }
}
