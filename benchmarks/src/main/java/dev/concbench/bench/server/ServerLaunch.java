package dev.concbench.bench.server;

import dev.concbench.servers.Main;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a server model is started in its own process: which {@code java}, with which flags and
 * class path, on which CPUs, and how long starting and stopping may take. Immutable. As a
 * {@link ServerLauncher}, it starts the server on this machine ({@link ServerProcess}); over SSH,
 * {@link SshLauncher} runs the same command on the server host.
 *
 * @param java         the {@code java} executable
 * @param jvmFlags     the server JVM's flags, in order
 * @param classPath    the class path holding {@code concbench-servers} and its dependencies
 * @param cpus         the CPUs the server is confined to, or {@code null} for no pinning
 * @param startTimeout how long the server may take to print its listening line
 * @param stopTimeout  how long each stop step (end of input, SIGTERM, SIGKILL) may take
 */
public record ServerLaunch(Path java, List<String> jvmFlags, String classPath, CpuList cpus, Duration startTimeout,
                           Duration stopTimeout) implements ServerLauncher {

    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(5);

    public ServerLaunch {
        Objects.requireNonNull(java, "java");
        jvmFlags = List.copyOf(jvmFlags);
        Objects.requireNonNull(classPath, "classPath");
        if (classPath.isBlank()) {
            throw new IllegalArgumentException("classPath must not be blank");
        }
        requirePositive(startTimeout, "startTimeout");
        requirePositive(stopTimeout, "stopTimeout");
    }

    /**
     * The JVM this code runs in ({@code java.home}) and its class path, unpinned, with these flags
     * and the default timeouts.
     */
    public static ServerLaunch sameJvm(List<String> jvmFlags) {
        return new ServerLaunch(Path.of(System.getProperty("java.home"), "bin", "java"), jvmFlags,
                System.getProperty("java.class.path"), null, DEFAULT_START_TIMEOUT, DEFAULT_STOP_TIMEOUT);
    }

    @Override
    public ServerProcess start(String model) throws IOException {
        return ServerProcess.start(model, this);
    }

    /** Nothing to prepare: the servers run on this machine. */
    @Override
    public Optional<ServerHostInfo> prepare() {
        return Optional.empty();
    }

    /** The same launch from another build's class path (an A/B run's baseline). */
    @Override
    public ServerLaunch withClassPath(String newClassPath) {
        return new ServerLaunch(java, jvmFlags, newClassPath, cpus, startTimeout, stopTimeout);
    }

    public ServerLaunch withCpus(CpuList newCpus) {
        return new ServerLaunch(java, jvmFlags, classPath, newCpus, startTimeout, stopTimeout);
    }

    public ServerLaunch withTimeouts(Duration newStartTimeout, Duration newStopTimeout) {
        return new ServerLaunch(java, jvmFlags, classPath, cpus, newStartTimeout, newStopTimeout);
    }

    /**
     * The command line: {@code [taskset -c CPUS] java FLAGS -cp CLASSPATH dev.concbench.servers.Main
     * --model MODEL --port 0 --exit-on-stdin-eof}.
     */
    public List<String> command(String model) {
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.addAll(cpus.commandPrefix());
        }
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", classPath, Main.class.getName(), "--model", model, "--port", "0",
                "--exit-on-stdin-eof"));
        return command;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
