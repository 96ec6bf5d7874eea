package dev.concbench.bench.server;

import static dev.concbench.servers.Closeables.closeQuietly;

import dev.concbench.bench.resources.ProcessTree;
import dev.concbench.servers.ServerReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A server model running in a JVM of its own ({@code concbench-servers} with {@code --port 0
 * --exit-on-stdin-eof}), a child of this JVM or, over SSH, a process on the server host (see
 * {@link ServerHost}), so that its threads, descriptors, memory and CPU can be measured alone and
 * a crash of either side cannot hide in the other.
 *
 * <h2>Lifecycle</h2>
 * {@link #start} returns once the server printed its listening line (the socket is bound and
 * accepting), or fails after killing it, with its last output in the message.
 * {@link #close} stops it in three steps, each bounded by {@link ServerLaunch#stopTimeout()}:
 * closing the server's standard input (the server closes itself and prints its stopped line),
 * then SIGTERM, then SIGKILL for the server and every descendant seen (process models' children).
 *
 * <h2>Orphans</h2>
 * The server's standard input is a pipe whose write end only this JVM holds (over SSH, through
 * the ssh client and sshd): when this JVM dies, however it dies, the server reads end of input
 * and exits. A killed benchmark leaves no server.
 *
 * <h2>Threading</h2>
 * Two daemon threads drain the child's output (standard error is copied to this JVM's standard
 * error, prefixed with the model); every method may be called from any thread.
 */
public final class ServerProcess implements RunningServer {

    private static final int TAIL_LINES = 30;

    private final String model;
    private final ServerLaunch launch;
    private final ServerHost host;
    private final Process process;
    private final OutputStream stdin;
    private final Deque<String> tail = new ArrayDeque<>();
    private final CompletableFuture<ServerLines.Listening> listening = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Thread> drains = new ArrayList<>(2);
    private volatile ServerReport stopReport = ServerReport.NONE;
    /** The server's process id on its host; -1 until it is known. */
    private volatile long pid;

    private ServerProcess(String model, ServerLaunch launch, ServerHost host, Process process) {
        this.model = model;
        this.launch = launch;
        this.host = host;
        this.process = process;
        this.stdin = process.getOutputStream();
        this.pid = host.pid(process).orElse(-1);
    }

    /**
     * Starts the model in a child JVM and waits until it accepts connections.
     *
     * @throws IOException when the child cannot be started, exits, or does not report its address
     *                     within {@link ServerLaunch#startTimeout()}; the child is gone by then
     */
    public static ServerProcess start(String model, ServerLaunch launch) throws IOException {
        return start(model, launch, launch.command(model), LocalHost.INSTANCE);
    }

    /**
     * Starts the server command on the host and waits until it accepts connections; see
     * {@link #start(String, ServerLaunch)}. The host is closed with the server, and on failure.
     */
    static ServerProcess start(String model, ServerLaunch launch, List<String> command, ServerHost host)
            throws IOException {
        Process process;
        try {
            process = host.spawn(command);
        } catch (IOException | RuntimeException e) {
            host.close();
            throw e;
        }
        ServerProcess server = new ServerProcess(model, launch, host, process);
        server.drain(process.getInputStream(), "stdout", server::onStdout);
        server.drain(process.getErrorStream(), "stderr", line -> {
            server.remember(line);
            System.err.println("[server " + model + "] " + line);
        });
        try {
            ServerLines.Listening ready = server.listening.get(launch.startTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!ready.model().equals(model)) {
                throw new IOException("asked for model " + model + " but the server runs " + ready.model());
            }
            if (server.pid < 0) {
                throw new IOException("server " + model + " on " + host + " did not announce its process id");
            }
            return server;
        } catch (TimeoutException e) {
            server.close();
            throw new IOException("server " + model + " did not report its address within "
                    + launch.startTimeout().toSeconds() + " s" + server.tailText(), e);
        } catch (ExecutionException e) {
            server.close();
            throw new IOException("server " + model + " exited before it listened (exit code "
                    + server.exitCodeText() + ")" + server.tailText(), e.getCause());
        } catch (InterruptedException e) {
            server.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting server " + model, e);
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public InetSocketAddress address() {
        return listening.join().address();
    }

    @Override
    public Optional<ProcessTree> processTree() {
        return Optional.of(new ProcessTree(pid, host.proc()));
    }

    @Override
    public Map<String, String> startInfo() {
        return listening.join().info();
    }

    @Override
    public Map<String, String> stopInfo() {
        return ServerLines.facts(stopReport);
    }

    /** Whether the child (over SSH, the ssh client, which ends with the server) is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's exit code; empty while it runs. */
    public OptionalLong exitCode() {
        return process.isAlive() ? OptionalLong.empty() : OptionalLong.of(process.exitValue());
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        boolean interrupted = Thread.interrupted();
        Set<Long> seen = new LinkedHashSet<>(descendants());
        try {
            closeQuietly(stdin);
            if (!awaitExit()) {
                seen.addAll(descendants());
                signalServer(false);
                if (!awaitExit()) {
                    seen.addAll(descendants());
                    signalServer(true);
                    awaitExit();
                }
            }
        } catch (InterruptedException e) {
            interrupted = true;
            seen.addAll(descendants());
            signalServer(true);
        } finally {
            // Children the server did not reap itself (it crashed, or was killed above).
            host.signal(seen.stream().filter(child -> host.proc().sample(child).isPresent()).toList(), true);
            process.destroyForcibly(); // gone already, unless ssh outlived the server
            host.close();
            for (Thread drain : drains) {
                try {
                    drain.join(launch.stopTimeout().toMillis());
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            closeQuietly(process.getInputStream());
            closeQuietly(process.getErrorStream());
            listening.completeExceptionally(new IOException("server closed"));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private List<Long> descendants() {
        return pid < 0 ? List.of() : host.proc().descendants(pid);
    }

    /**
     * SIGTERM, or SIGKILL when forcibly, to the server; while its id on its host is not known, to
     * the child (over SSH, the ssh client, whose end ends the server's input).
     */
    private void signalServer(boolean forcibly) {
        if (pid >= 0) {
            host.signal(List.of(pid), forcibly);
        } else if (forcibly) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
    }

    private boolean awaitExit() throws InterruptedException {
        return process.waitFor(launch.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void onStdout(String line) {
        remember(line);
        try {
            if (!listening.isDone()) {
                ServerLines.pid(line).ifPresent(announced -> pid = announced);
                ServerLines.listening(line).ifPresent(listening::complete);
            } else {
                ServerLines.stopped(line).ifPresent(report -> stopReport = report);
            }
        } catch (IllegalArgumentException malformed) {
            System.err.println("[server " + model + "] " + malformed.getMessage());
            listening.completeExceptionally(new IOException(malformed.getMessage(), malformed));
        }
    }

    private void drain(InputStream stream, String name, Consumer<String> sink) {
        Thread thread = Thread.ofPlatform().daemon().name("server-" + model + "-" + name).start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // the stream was closed by close(); nothing more to read
            } finally {
                listening.completeExceptionally(new IOException("the server's " + name + " ended"));
            }
        });
        drains.add(thread);
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    private synchronized String tailText() {
        return tail.isEmpty() ? "; it printed nothing" : "; its last output:\n  " + String.join("\n  ", tail);
    }

    private String exitCodeText() {
        try {
            return process.waitFor(launch.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    ? Integer.toString(process.exitValue()) : "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return "server " + model + " on " + host + " (pid " + pid + ")";
    }
}
