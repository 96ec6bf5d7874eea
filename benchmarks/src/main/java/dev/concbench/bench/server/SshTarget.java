package dev.concbench.bench.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The server host and how to reach it with OpenSSH's {@code ssh}: never interactively
 * ({@code BatchMode}: a key or an agent, no password prompt), without a terminal ({@code -T}, so
 * that the remote command's standard input is a pipe whose end it sees), and giving up on a dead
 * connection within about 15 s.
 *
 * @param destination where ssh connects, {@code [user@]host} (a name of the ssh configuration
 *                    works too)
 * @param options     further ssh options, in order, e.g. {@code -i ~/.ssh/bench -p 2222}
 * @param java        the {@code java} (JDK 25 or newer) on the server host, a path or a name on the
 *                    remote shell's {@code PATH}
 * @param directory   the directory on the server host the class path is copied to; relative to the
 *                    remote home directory unless absolute
 * @param address     the server host's address the servers bind and the load client connects to,
 *                    or {@code null} for the address the SSH connection reached
 */
public record SshTarget(String destination, List<String> options, String java, String directory, String address) {

    /** {@code java} on the remote {@code PATH}. */
    public static final String DEFAULT_JAVA = "java";
    /** Under the remote home directory. */
    public static final String DEFAULT_DIRECTORY = ".cache/concbench/classpath";

    private static final List<String> FIXED_OPTIONS = List.of("-T", "-o", "BatchMode=yes", "-o", "ConnectTimeout=10",
            "-o", "ServerAliveInterval=5", "-o", "ServerAliveCountMax=3");

    public SshTarget {
        Objects.requireNonNull(destination, "destination");
        if (destination.isBlank() || destination.startsWith("-") || destination.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("the server host is [user@]host, not '" + destination + "'");
        }
        options = List.copyOf(options);
        java = java == null || java.isBlank() ? DEFAULT_JAVA : java.strip();
        directory = directory == null || directory.isBlank() ? DEFAULT_DIRECTORY : directory.strip();
        address = address == null || address.isBlank() ? null : address.strip();
    }

    /** The command that runs this shell command line on the server host (ssh gives it to the user's shell there). */
    public List<String> command(String remoteCommand) {
        List<String> command = new ArrayList<>();
        command.add("ssh");
        command.addAll(FIXED_OPTIONS);
        command.addAll(options);
        command.add("--");
        command.add(destination);
        command.add(remoteCommand);
        return command;
    }

    /**
     * Runs a command line on the server host and returns its standard output.
     *
     * @param input   what to send to its standard input (then closed), or {@code null} for nothing
     * @param timeout how long it may take
     * @throws IOException when it cannot be run, fails or times out: one line naming the host, with
     *                     ssh's or the command's last line of error output
     */
    public String run(String remoteCommand, InputStream input, Duration timeout) throws IOException {
        Process ssh;
        try {
            ssh = new ProcessBuilder(command(remoteCommand)).start();
        } catch (IOException e) {
            throw new IOException("cannot run ssh (OpenSSH's client is needed for a server host): " + e.getMessage(), e);
        }
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> readQuietly(ssh.getErrorStream()),
                runnable -> Thread.ofPlatform().daemon().name("ssh-stderr").start(runnable));
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readQuietly(ssh.getInputStream()),
                runnable -> Thread.ofPlatform().daemon().name("ssh-stdout").start(runnable));
        try {
            try (var stdin = ssh.getOutputStream()) {
                if (input != null) {
                    input.transferTo(stdin);
                }
            } catch (IOException ended) {
                // ssh ended before taking all of it: its exit code and message say why
            }
            if (!ssh.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                ssh.destroyForcibly();
                throw new IOException(destination + ": no answer within " + timeout.toSeconds() + " s");
            }
            String error = errors.join();
            if (ssh.exitValue() != 0) {
                String last = error.lines().filter(line -> !line.isBlank()).reduce((a, b) -> b)
                        .orElse("exit code " + ssh.exitValue());
                throw new IOException(destination + ": " + last.strip());
            }
            return output.join();
        } catch (InterruptedException e) {
            ssh.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running a command on " + destination, e);
        }
    }

    /** The word quoted for a POSIX shell: in single quotes, a single quote written as {@code '\''}. */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** The words quoted for a POSIX shell and joined by spaces. */
    public static String quote(List<String> words) {
        return words.stream().map(SshTarget::quote).collect(Collectors.joining(" "));
    }

    private static String readQuietly(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return destination;
    }
}
