package dev.concbench.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.concbench.results.BenchmarkResult;
import dev.concbench.results.ResultFiles;
import dev.concbench.results.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite with its servers on a second machine, for real: two network namespaces joined by a veth
 * pair, with addresses from 198.18.0.0/15 (RFC 2544's range for benchmarks); Debian's
 * {@code /usr/sbin/sshd} in the server namespace with its own configuration, port and host key and
 * a client key made here; the suite runner, narrowed to {@code pool} on hello, run from the client
 * namespace with {@code --server-host}: once A/A to the end, once plain and killed; and a stubborn
 * server stopped through the launcher alone ({@link StopOverSsh}). No traffic leaves these
 * namespaces and loopback.
 *
 * <p>It needs root (namespaces), iproute2's {@code ip}, OpenSSH's client and server, and skips with
 * the reason otherwise; under {@code CI=true} a missing sshd fails instead ({@code .ci/run}
 * installs {@code openssh-server}). Namespaces, veth, sshd and files are removed whatever happens.
 */
class TwoHostsTest {

    private static final String CLIENT_ADDRESS = "198.18.0.1";
    private static final String SERVER_ADDRESS = "198.18.0.2";
    private static final int SSH_PORT = 2222;
    private static final Path SSHD = Path.of("/usr/sbin/sshd");
    private static final String SERVER_MAIN = "dev.concbench.servers.Main";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    /**
     * How soon a server must be gone after what holds its lifeline is killed: about 0.2 s on an
     * idle machine; 3–4 s measured here while the next benchmark JVM started beside it, everything
     * at nice 19.
     */
    private static final Duration KILLED_SERVER_GONE_WITHIN = Duration.ofSeconds(10);

    private final String clientNs = "cb" + ProcessHandle.current().pid() + "c";
    private final String serverNs = "cb" + ProcessHandle.current().pid() + "s";
    private final List<String> namespaces = new ArrayList<>();
    private Process sshd;
    private final List<Process> runners = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeEach
    void twoHosts() throws Exception {
        assumeTrue("0".equals(output("id", "-u").strip()), "network namespaces need root");
        assumeTrue(onPath("ip"), "iproute2's ip is not installed");
        assumeTrue(onPath("ssh") && onPath("ssh-keygen"), "OpenSSH's client is not installed");
        if (!Files.isExecutable(SSHD)) {
            String why = SSHD + " is missing (Debian's openssh-server)";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but " + why + "; .ci/run must install it");
            }
            assumeTrue(false, why);
        }
        for (String ns : List.of(clientNs, serverNs)) {
            run("ip", "netns", "add", ns);
            namespaces.add(ns);
        }
        run("ip", "link", "add", clientNs, "type", "veth", "peer", "name", serverNs);
        run("ip", "link", "set", clientNs, "netns", clientNs);
        run("ip", "link", "set", serverNs, "netns", serverNs);
        run("ip", "-n", clientNs, "addr", "add", CLIENT_ADDRESS + "/30", "dev", clientNs);
        run("ip", "-n", serverNs, "addr", "add", SERVER_ADDRESS + "/30", "dev", serverNs);
        for (String ns : namespaces) {
            run("ip", "-n", ns, "link", "set", "lo", "up");
            run("ip", "-n", ns, "link", "set", ns, "up");
        }
        startSshd();
    }

    @AfterEach
    void removeHosts() throws Exception {
        runners.forEach(runner -> runner.descendants().forEach(ProcessHandle::destroyForcibly));
        runners.forEach(Process::destroyForcibly);
        if (sshd != null) {
            sshd.destroyForcibly();
            sshd.waitFor(10, TimeUnit.SECONDS);
        }
        for (String ns : namespaces) {
            // Whatever is left in our own namespaces (sshd's sessions, a stray server) goes with them.
            pids(ns).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            run("ip", "netns", "del", ns); // its end of the veth pair, and so the pair, goes with it
        }
        if (!namespaces.isEmpty() && output("ip", "-o", "link", "show").contains(" " + clientNs + "@")) {
            run("ip", "link", "del", clientNs); // made, but not moved into its namespace
        }
    }

    /**
     * An A/A run ({@code --against=self}): the baseline's servers are copied and started on the
     * other host the same way as this build's, the two sides alternate, and both are sampled there.
     */
    @Test
    void runsAnAbSuiteAgainstServersOnTheOtherHostAndLeavesNothingRunning() throws Exception {
        Process runner = suite("run", "--against=self");
        String output = finish(runner);

        assertThat(runner.exitValue()).as(output).isZero();
        assertThat(output).contains("servers on " + user() + "@" + SERVER_ADDRESS);
        RunResult run = ResultFiles.read(Path.of(Files.readString(dir.resolve("run/work/" + SuiteRunner.LAST_RUN_FILE))
                .strip()));
        assertThat(run.complete()).isTrue();
        assertThat(run.comparesBuilds()).isTrue();
        assertThat(run.serverMachine()).isNotNull();
        assertThat(run.machineIdentity()).isEqualTo(run.machine().id() + "-server-" + run.serverMachine().id());
        List<BenchmarkResult> pool = run.results().stream().filter(r -> r.model().equals("pool")).toList();
        assertThat(pool).extracting(BenchmarkResult::side)
                .containsExactlyInAnyOrder(BenchmarkResult.SIDE_A, BenchmarkResult.SIDE_B);
        for (BenchmarkResult side : pool) {
            assertThat(side.throughput().score()).as("side %s", side.side()).isPositive();
            assertThat(side.errors().total()).isZero();
            assertThat(side.resources()).isNotNull();
            assertThat(side.resources().peakThreads()).isGreaterThan(4); // pool's workers at least
            assertThat(side.resources().peakFileDescriptors()).isGreaterThan(8); // its 8 connections at least
            assertThat(side.resources().peakRssBytes()).isGreaterThan(16L << 20);
            assertThat(side.resources().cpuSeconds()).isPositive();
        }

        assertOnlySshdListensIn(serverNs, Duration.ofSeconds(5));
        assertThat(pids(clientNs)).as("processes left in the client namespace").isEmpty();
    }

    /**
     * Kills, with SIGKILL, first the ssh client of the server (its connection ends: sshd ends the
     * server's input), then, once the runner has started the next benchmark's server, the
     * benchmark JVM (the JMH fork that holds the ssh client's input) and the runner with it, as
     * when a run is killed; each time the server must be gone within a few seconds.
     */
    @Test
    void aKilledBenchmarkLeavesNoServerOnTheOtherHost() throws Exception {
        Process runner = suite("killed");
        long first = awaitServer(List.of(), Duration.ofSeconds(90));
        Thread.sleep(2000); // into its warm-up windows
        kill(runner, first, "the ssh client running it", command -> command.startsWith("ssh ")
                && command.contains(SERVER_MAIN), false);

        long second = awaitServer(List.of(first), Duration.ofSeconds(90));
        Thread.sleep(2000);
        kill(runner, second, "the benchmark JVM", command -> command.contains("org.openjdk.jmh.runner.ForkedMain"),
                true);

        assertOnlySshdListensIn(serverNs, Duration.ofSeconds(5));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!pids(clientNs).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(pids(clientNs)).as("processes left in the client namespace").isEmpty();
    }

    /**
     * A server that ignores the end of its input and SIGTERM is killed over SSH, with the child it
     * started: the "java" on the server host is a shell script that prints a listening line,
     * starts a child and waits, deaf to both.
     */
    @Test
    void aServerDeafToItsInputAndSigtermIsKilledOnTheOtherHost() throws Exception {
        Path childPid = dir.resolve("child.pid");
        Path stubborn = dir.resolve("stubborn-java");
        Files.writeString(stubborn, String.join("\n",
                "#!/bin/sh",
                "trap '' TERM",
                "sleep 600 &",
                "echo $! > " + childPid,
                "echo 'concbench: model pool listening on http://" + SERVER_ADDRESS + ":9'",
                "wait",
                ""));
        Files.setPosixFilePermissions(stubborn, PosixFilePermissions.fromString("rwx------"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("nothing.txt"), "a class path to copy\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process probe = new ProcessBuilder("ip", "netns", "exec", clientNs, java.toString(), "-cp",
                System.getProperty("java.class.path"), StopOverSsh.class.getName(), user() + "@" + SERVER_ADDRESS,
                sshOptions(), stubborn.toString(), dir.resolve("server-host").toString(), classes.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stop.log").toFile()).start();
        runners.add(probe);
        assertThat(probe.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the probe finished").isTrue();
        String output = Files.readString(dir.resolve("stop.log"));

        assertThat(probe.exitValue()).as(output).isZero();
        long stoppedMs = Long.parseLong(output.replaceAll("(?s).*stopped in (\\d+) ms.*", "$1"));
        // End of input, then SIGTERM, each waited for; then SIGKILL.
        assertThat(stoppedMs).as(output).isGreaterThanOrEqualTo(2 * StopOverSsh.STOP_STEP.toMillis());
        System.out.printf("TwoHostsTest: a server deaf to its input and SIGTERM stopped in %d ms%n", stoppedMs);
        long child = Long.parseLong(Files.readString(childPid).strip());
        ProcessHandle.of(child).ifPresent(left -> left.onExit().completeOnTimeout(left, 10, TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(child).filter(ProcessHandle::isAlive)).as("the stub's child").isEmpty();
        assertOnlySshdListensIn(serverNs, Duration.ofSeconds(5));
    }

    /**
     * Kills the runner's descendant whose command line this is (and the runner right after it, so
     * that it starts no other server, when asked), and waits for the server to go.
     */
    private static void kill(Process runner, long server, String victim, Predicate<String> commandLine,
                             boolean runnerToo) throws InterruptedException {
        ProcessHandle process = runner.descendants().filter(p -> commandLine.test(commandLine(p.pid()))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + victim + " while a server runs"));
        process.destroyForcibly();
        if (runnerToo) {
            runner.destroyForcibly();
        }
        long start = System.nanoTime();
        while (Files.exists(Path.of("/proc", Long.toString(server)))
                && System.nanoTime() - start < KILLED_SERVER_GONE_WITHIN.toNanos()) {
            Thread.sleep(20);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(Files.exists(Path.of("/proc", Long.toString(server))))
                .as("server %d still runs %d ms after SIGKILL of %s", server, millis, victim).isFalse();
        System.out.printf("TwoHostsTest: server %d gone %d ms after SIGKILL of %s%n", server, millis, victim);
    }

    /** Starts the narrowed suite in the client namespace, its servers in the server namespace. */
    private Process suite(String name, String... options) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path work = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", clientNs, java.toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SuiteRunner.class.getName(), "--suite=smoke", "--models=pool", "--scenarios=hello",
                "--server-host=" + user() + "@" + SERVER_ADDRESS,
                "--ssh-options=" + sshOptions(),
                "--server-java=" + java, "--server-dir=" + dir.resolve("server-host"),
                "--results-dir=" + work.resolve("results"), "--work-dir=" + work.resolve("work")));
        command.addAll(List.of(options));
        Process runner = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        runners.add(runner);
        return runner;
    }

    private String finish(Process runner) throws Exception {
        if (!runner.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            fail("the suite did not finish within " + RUN_TIMEOUT.toMinutes() + " minutes");
        }
        return Files.readString(dir.resolve("run.log"));
    }

    /** The process id of a concbench server in the server namespace other than these, once there is one. */
    private long awaitServer(List<Long> earlier, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (long pid : pids(serverNs)) {
                if (!earlier.contains(pid) && commandLine(pid).contains(SERVER_MAIN)) {
                    return pid;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no server started in the server namespace within " + timeout.toSeconds()
                + " s; the suite's output:\n" + Files.readString(dir.resolve("killed.log")));
    }

    /** Waits until the server namespace holds nothing but sshd's listener, and fails naming what is left. */
    private void assertOnlySshdListensIn(String ns, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        List<String> left;
        do {
            left = pids(ns).stream().filter(pid -> pid != sshd.pid()).map(pid -> pid + " " + commandLine(pid))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        fail("left running in " + ns + " " + within.toSeconds() + " s later: " + left);
    }

    private void startSshd() throws Exception {
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("host_key").toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", dir.resolve("client_key").toString());
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        String hostKey = Files.readString(dir.resolve("host_key.pub")).strip().split(" ")[0] + " "
                + Files.readString(dir.resolve("host_key.pub")).strip().split(" ")[1];
        Files.writeString(dir.resolve("known_hosts"), "[" + SERVER_ADDRESS + "]:" + SSH_PORT + " " + hostKey + "\n");
        Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                "Port " + SSH_PORT,
                "ListenAddress " + SERVER_ADDRESS,
                "HostKey " + dir.resolve("host_key"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                "PidFile " + dir.resolve("sshd.pid"),
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin prohibit-password",
                "StrictModes no",
                "UsePAM no",
                "") );
        Files.createDirectories(Path.of("/run/sshd")); // its privilege separation directory
        sshd = new ProcessBuilder("ip", "netns", "exec", serverNs, SSHD.toString(), "-D", "-e", "-f",
                dir.resolve("sshd_config").toString()).redirectErrorStream(true).start();
        CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder log = new StringBuilder();
                var lines = sshd.inputReader(StandardCharsets.UTF_8);
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.append(line).append('\n');
                    if (line.contains("Server listening on")) {
                        Thread.ofPlatform().daemon().start(() -> lines.lines().forEach(ignored -> { }));
                        return log.toString();
                    }
                }
                throw new IllegalStateException("sshd ended: " + log);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        listening.get(30, TimeUnit.SECONDS);
    }

    /** The ssh options that reach this test's sshd with its keys and nothing from the user's configuration. */
    private String sshOptions() {
        return "-F none -p " + SSH_PORT + " -i " + dir.resolve("client_key") + " -o UserKnownHostsFile="
                + dir.resolve("known_hosts") + " -o StrictHostKeyChecking=yes";
    }

    private static String user() {
        return System.getProperty("user.name");
    }

    private static List<Long> pids(String ns) {
        return Stream.of(output("ip", "netns", "pids", ns).split("\\s+")).filter(word -> !word.isBlank())
                .map(Long::valueOf).toList();
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        } catch (IOException gone) {
            return "(gone)";
        }
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":"))
                .anyMatch(directory -> Files.isExecutable(Path.of(directory, program)));
    }

    private static void run(String... command) {
        output(command);
    }

    /** Runs a command and returns its output; fails the test with its output when it fails. */
    private static String output(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " failed: " + output.strip());
            }
            return output;
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command[0] + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
