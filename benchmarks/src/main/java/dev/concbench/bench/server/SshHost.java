package dev.concbench.bench.server;

import dev.concbench.bench.resources.ProcSource;
import dev.concbench.bench.resources.RemoteProcFs;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The server host of one server, over SSH: the server runs as {@code ssh HOST 'echo pid; exec
 * SERVER COMMAND'} (the remote shell announces its process id, which the server then takes over),
 * and a second session runs the {@code /proc} reader ({@link RemoteProcFs}). Both sessions end
 * with their input: closing them, or this JVM's death, ends both programs on the server host.
 */
final class SshHost implements ServerHost {

    private static final Duration READER_START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration SIGNAL_TIMEOUT = Duration.ofSeconds(15);

    private final SshTarget target;
    private final RemoteProcFs proc;

    private SshHost(SshTarget target, RemoteProcFs proc) {
        this.target = target;
        this.proc = proc;
    }

    /** Opens the {@code /proc} reader's session to the host. */
    static SshHost open(SshTarget target) throws IOException {
        Process reader = new ProcessBuilder(target.command("exec sh -c " + SshTarget.quote(RemoteProcFs.SCRIPT)))
                .start();
        return new SshHost(target, RemoteProcFs.over(reader, READER_START_TIMEOUT));
    }

    @Override
    public Process spawn(List<String> serverCommand) throws IOException {
        return new ProcessBuilder(target.command(ServerLines.ANNOUNCE_PID + " && exec " + SshTarget.quote(serverCommand)))
                .start();
    }

    @Override
    public OptionalLong pid(Process spawned) {
        return OptionalLong.empty();
    }

    @Override
    public ProcSource proc() {
        return proc;
    }

    @Override
    public void signal(List<Long> pids, boolean forcibly) {
        if (pids.isEmpty()) {
            return;
        }
        String list = pids.stream().map(String::valueOf).collect(Collectors.joining(" "));
        try {
            target.run("kill -s " + (forcibly ? "KILL " : "TERM ") + list + " 2>/dev/null; true", null, SIGNAL_TIMEOUT);
        } catch (IOException e) {
            System.err.println("concbench: cannot signal processes " + list + " on " + target + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        proc.close();
    }

    @Override
    public String toString() {
        return target.destination();
    }
}
