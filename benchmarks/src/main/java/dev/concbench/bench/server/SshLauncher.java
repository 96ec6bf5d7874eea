package dev.concbench.bench.server;

import dev.concbench.bench.probe.RemoteProbe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Starts servers on the server host over OpenSSH. Each start:
 * <ol>
 *   <li>makes sure the launch's class path is on the host ({@link ClassPathCopy}: copied once per
 *       build, found by its hash afterwards) and learns the address to bind;</li>
 *   <li>opens a session running the {@code /proc} reader, then one running the server:
 *       {@code [taskset -c CPUS] JAVA FLAGS -cp COPIED dev.concbench.servers.Main --model M --port 0
 *       --exit-on-stdin-eof --host ADDRESS}, ready at its {@code listening on} line as here.</li>
 * </ol>
 * The address is {@link SshTarget#address()}, else the one the SSH connection reached on the host
 * (from {@code SSH_CONNECTION}); the server binds it, never the wildcard, and the load client
 * connects to it.
 *
 * <p>The lifeline: ssh runs without a terminal, so the server's standard input on the host is a
 * pipe from sshd. When this JVM closes ssh's input, or dies, ssh sends the end of input over the
 * connection (or the connection ends with ssh), sshd closes the pipe, and the server, run with
 * {@code --exit-on-stdin-eof}, exits. Stopping escalates as for a local server: end of input, then
 * SIGTERM, then SIGKILL for the server and every descendant seen, sent over SSH.
 *
 * @param target the server host
 * @param launch the launch as it would run here: its class path is the one copied, its java is
 *               replaced by {@link SshTarget#java()}
 */
public record SshLauncher(SshTarget target, ServerLaunch launch) implements ServerLauncher {

    public SshLauncher {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(launch, "launch");
    }

    @Override
    public RunningServer start(String model) throws IOException {
        Ready ready = ready();
        List<String> command = new ArrayList<>(ready.launch().command(model));
        command.addAll(List.of("--host", ready.address()));
        return ServerProcess.start(model, ready.launch(), command, SshHost.open(target));
    }

    @Override
    public SshLauncher withClassPath(String classPath) {
        return new SshLauncher(target, launch.withClassPath(classPath));
    }

    /** Checks the connection and the JDK on the host, copies the class path, and describes the host. */
    @Override
    public Optional<ServerHostInfo> prepare() throws IOException {
        ServerHostInfo host = RemoteProbe.probe(target);
        ready();
        return Optional.of(host);
    }

    /**
     * The launch on the host and the address its servers bind.
     *
     * @param launch its java, and the class path copied there
     */
    private record Ready(ServerLaunch launch, String address) {
    }

    /**
     * Copies what is missing of the class path and learns the address, with one connection to
     * look (the address of the connection, then the directory and what it holds) and one to copy.
     */
    private Ready ready() throws IOException {
        List<String> lines = target.run("echo \"$SSH_CONNECTION\" && " + ClassPathCopy.listCommand(target.directory()),
                null, ClassPathCopy.LIST_TIMEOUT).lines().toList();
        if (lines.size() < 2 || !lines.get(1).startsWith("/")) {
            throw new IOException(target + ": cannot make the directory " + target.directory());
        }
        String[] connection = lines.getFirst().strip().split("\\s+");
        String address = target.address();
        if (address == null && connection.length != 4) {
            throw new IOException(target + ": SSH_CONNECTION is not set there; give the servers' address "
                    + "(bench.serverAddress)");
        }
        Set<String> present = new TreeSet<>(lines.subList(2, lines.size()));
        String classPath = ClassPathCopy.copy(target, launch.classPath(), lines.get(1), present);
        return new Ready(new ServerLaunch(Path.of(target.java()), launch.jvmFlags(), classPath, launch.cpus(),
                launch.startTimeout(), launch.stopTimeout()), address != null ? address : connection[2]);
    }
}
