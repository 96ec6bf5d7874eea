package dev.concbench.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.concbench.bench.server.CpuList;
import dev.concbench.bench.server.SshTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RunnerOptionsTest {

    @Test
    void defaultsToTheQuickSuiteOfEverything() {
        RunnerOptions options = RunnerOptions.parse(new String[0]);

        assertThat(options.preset()).isSameAs(SuitePreset.QUICK);
        assertThat(options.narrowing()).isEqualTo(Narrowing.NONE);
        assertThat(options.resultsDir()).isEqualTo(Path.of("results"));
        assertThat(options.pinning()).isEqualTo(Pinning.defaultFor(false));
        assertThat(options.inProcess()).isFalse();
    }

    @Test
    void anAbRunPinsByDefaultUnlessToldNotTo() {
        assertThat(RunnerOptions.parse(new String[] {"--against=self"}).pinning())
                .isEqualTo(Pinning.split(Pinning.allowedCpus()));
        assertThat(RunnerOptions.parse(new String[] {"--against=self", "--server-cpus=none", "--client-cpus=none"})
                .pinning()).isEqualTo(Pinning.NONE);
    }

    @Test
    void takesMavensFormWhereUnsetPropertiesAreEmpty() {
        RunnerOptions options = RunnerOptions.parse(new String[] {"--suite=smoke", "--models=pool,iterative",
                "--scenarios=", "--connections=", "--server-cpus=1", "--client-cpus=none", "--in-process=false",
                "--jmh-output=true", "--results-dir=/tmp/r"});

        assertThat(options.preset()).isSameAs(SuitePreset.SMOKE);
        assertThat(options.narrowing().models()).containsExactly("pool", "iterative");
        assertThat(options.narrowing().scenarios()).isEmpty();
        assertThat(options.pinning()).isEqualTo(new Pinning(new CpuList("1"), null));
        assertThat(options.inProcess()).isFalse();
        assertThat(options.jmhOutput()).isTrue();
        assertThat(options.resultsDir()).isEqualTo(Path.of("/tmp/r"));
    }

    @Test
    void anEmptyValueMeansTheDefaultAndAnEmptyFlagIsOn() {
        RunnerOptions options = RunnerOptions.parse(new String[] {"--suite=", "--models=", "--results-dir=",
                "--work-dir=", "--server-cpus=", "--client-cpus=", "--against=", "--maven=", "--build-cache=",
                "--dry-run=", "--in-process=false"});

        assertThat(options.preset()).isSameAs(SuitePreset.QUICK);
        assertThat(options.narrowing()).isEqualTo(Narrowing.NONE);
        assertThat(options.resultsDir()).isEqualTo(Path.of("results"));
        assertThat(options.workDir()).isEqualTo(Path.of("target/bench"));
        assertThat(options.pinning()).isEqualTo(Pinning.defaultFor(false));
        assertThat(options.against()).isEmpty();
        assertThat(options.maven()).isEqualTo("mvn");
        assertThat(options.buildCache()).isEqualTo(BaselineBuild.defaultCache());
        assertThat(options.dryRun()).isTrue();
        assertThat(options.inProcess()).isFalse();
    }

    @Test
    void theHelpSaysWhatAnEmptyValueMeansAndHowThisMachinePins() {
        assertThat(RunnerOptions.usage()).startsWith("usage: java -cp benchmarks.jar dev.concbench.bench.suite.SuiteRunner")
                .contains("an empty value means the default", "--against=REF", "--in-process[=BOOL]",
                        "Pinning by default: " + Pinning.defaultFor(false).describe());
    }

    @Test
    void aBadOptionIsOneLineWithExitCode2() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SuiteRunner.run(new String[] {"--suite=smoke", "--bogus=1"}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));

        assertThat(code).isEqualTo(SuiteRunner.USAGE_ERROR);
        assertThat(err.toString().lines().toList()).containsExactly("concbench-bench: Unknown option: '--bogus=1'");
    }

    @Test
    void takesTheSpacedFormAndBareFlags() {
        RunnerOptions options = RunnerOptions.parse(new String[] {"--suite", "full", "--in-process", "--dry-run"});

        assertThat(options.preset()).isSameAs(SuitePreset.FULL);
        assertThat(options.inProcess()).isTrue();
        assertThat(options.dryRun()).isTrue();
    }

    @Test
    void refusesWhatItCannotUse() {
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--bogus"})).hasMessage("Unknown option: '--bogus'");
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--suite"}))
                .hasMessage("Missing required parameter for option '--suite' (NAME)");
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--server-cpus=a"}))
                .hasMessageStartingWith("--server-cpus: a CPU list looks like");
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--in-process=maybe"}))
                .hasMessage("Invalid value for option '--in-process': takes true or false, not 'maybe'");
    }

    @Test
    void theCommandExitsWithTwoAndOneLineForAnUnknownModelOrScenario() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = SuiteRunner.run(new String[] {"--models=nope"}, new PrintStream(out), new PrintStream(err));

        assertThat(code).isEqualTo(SuiteRunner.USAGE_ERROR);
        assertThat(err.toString().lines().toList()).hasSize(1).first().asString()
                .startsWith("concbench-bench: unknown model 'nope'; known models: ");
        assertThat(SuiteRunner.run(new String[] {"--scenarios=nope"}, new PrintStream(out), new PrintStream(err)))
                .isEqualTo(SuiteRunner.USAGE_ERROR);
    }

    @Test
    void aServerHostTakesItsSshOptionsAndIsNeitherPinnedNorInProcess() {
        RunnerOptions options = RunnerOptions.parse(new String[] {"--against=self", "--server-host=bench@10.0.0.2",
                "--ssh-options=-i /k -p 2222", "--server-java=", "--server-dir=", "--server-address=10.1.0.2"});

        assertThat(options.serverHost()).isEqualTo(new SshTarget("bench@10.0.0.2", List.of("-i", "/k", "-p", "2222"),
                SshTarget.DEFAULT_JAVA, SshTarget.DEFAULT_DIRECTORY, "10.1.0.2"));
        assertThat(options.pinning()).isEqualTo(Pinning.NONE);
        assertThat(RunnerOptions.parse(new String[] {"--server-host="}).serverHost()).isNull();
        assertThatThrownBy(() -> RunnerOptions.parse(new String[] {"--server-host=h", "--in-process"}))
                .hasMessageContaining("cannot be combined with --in-process");
    }

    @Test
    void anUnreachableServerHostStopsTheRunWithOneLineNamingIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        assumeTrue(Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, "ssh"))), "OpenSSH's client is not installed");
        // Nothing listens on loopback's port 1: ssh is refused at once.
        int code = SuiteRunner.run(new String[] {"--suite=smoke", "--models=pool", "--server-host=nobody@127.0.0.1",
                "--ssh-options=-F none -p 1", "--results-dir=" + System.getProperty("java.io.tmpdir")},
                new PrintStream(out), new PrintStream(err));

        assertThat(code).isEqualTo(SuiteRunner.USAGE_ERROR);
        assertThat(err.toString().lines().toList()).hasSize(1).first().asString()
                .startsWith("concbench-bench: nobody@127.0.0.1: ").contains("Connection refused");
    }

    @Test
    void aDryRunListsTheBenchmarksWithoutRunningThem() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = SuiteRunner.run(new String[] {"--suite=smoke", "--dry-run", "--models=pool"},
                new PrintStream(out), System.err);

        assertThat(code).isZero();
        assertThat(out.toString().lines().toList()).contains("  hello model=pool connections=8",
                "  sleep model=pool connections=10 ms=100");
    }

    @Test
    void pinningSplitsTheCpusBetweenClientAndServer() {
        assertThat(Pinning.split(List.of(0, 1))).isEqualTo(new Pinning(new CpuList("1"), new CpuList("0")));
        assertThat(Pinning.split(List.of(2, 3, 4, 5))).isEqualTo(new Pinning(new CpuList("4,5"), new CpuList("2,3")));
        assertThat(Pinning.split(List.of(0))).isEqualTo(Pinning.NONE);
        assertThat(Pinning.defaultFor(false))
                .isEqualTo(Pinning.PIN_BY_DEFAULT ? Pinning.split(Pinning.allowedCpus()) : Pinning.NONE);
        assertThat(Pinning.defaultFor(true)).isEqualTo(Pinning.split(Pinning.allowedCpus()));
        assertThat(Pinning.expand("0-2,5")).containsExactly(0, 1, 2, 5);
    }

    @Test
    void progressFormatsTimeLeft() {
        assertThat(Progress.format(java.time.Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Progress.format(java.time.Duration.ofSeconds(130))).isEqualTo("2m10s");
        assertThat(Progress.format(java.time.Duration.ofMinutes(65))).isEqualTo("1h05m");
    }
}
