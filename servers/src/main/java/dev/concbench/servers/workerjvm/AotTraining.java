package dev.concbench.servers.workerjvm;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.posix.ChildReaper;
import dev.concbench.servers.posix.ConnectedSocket;
import dev.concbench.servers.posix.Descriptor;
import dev.concbench.servers.posix.Lifeline;
import dev.concbench.servers.posix.ListeningSocket;
import dev.concbench.servers.posix.ProcessSpawner;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The JVMs an {@link AotCache} starts: training runs of a {@link ConnectionWorker}, started
 * exactly as the process model starts one and serving every endpoint over its inherited socket
 * (one to find the class path a worker needs, one to write the cache with
 * {@code -XX:AOTCacheOutput}), and the check that a JVM maps a cache.
 */
final class AotTraining {

    /**
     * What the training run serves: every endpoint and the error paths, pipelined on one
     * connection, the last one HTTP/1.0 so that the worker closes the connection after it.
     */
    private static final String TRAINING_REQUESTS = String.join("",
            "GET /hello HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /json HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /sleep?ms=1 HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /cpu?us=50 HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /bytes?n=70000 HTTP/1.1\r\nHost: training\r\n\r\n",
            "HEAD /hello HTTP/1.1\r\nHost: training\r\n\r\n",
            "POST /echo HTTP/1.1\r\nHost: training\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello",
            "POST /echo HTTP/1.1\r\nHost: training\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
            "GET /nowhere HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /sleep?ms=x HTTP/1.1\r\nHost: training\r\n\r\n",
            "GET /hello HTTP/1.0\r\n\r\n");
    private static final int TRAINING_REQUEST_COUNT = 11;
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 \\d{3} ");
    /** The name of the reaper's thread and of the watch process, as the process model's. */
    private static final String ROLE = "process-training";

    /**
     * The training JVM writes the cache as it exits, at a safepoint where no Java thread of its
     * own runs (so its lifeline cannot end it), then through a JVM it starts itself: both would
     * outlive a parent killed meanwhile by seconds. So the training JVM leads a process group of
     * its own, and a shell watching the same lifeline kills that group when the parent is gone;
     * the reaper ends the shell after training.
     */
    private static final String SHELL = "/bin/sh";
    private static final String KILL_GROUP_WHEN_PARENT_GONE = "read ignored <&3; kill -KILL -\"$1\"";
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private AotTraining() {
    }

    /** How a worker JVM is started, less its class path and main class. */
    record WorkerCommand(Path java, List<String> vmOptions, Map<String, String> environment) {

        /** The command that starts {@code arguments} (a main class and its arguments, or an option). */
        List<String> command(String classPath, List<String> extraOptions, List<String> arguments) {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(vmOptions);
            command.addAll(extraOptions);
            command.add("-cp");
            command.add(classPath);
            command.addAll(arguments);
            return command;
        }
    }

    /**
     * The class path less the entries a worker loads no class from, found by a training run that
     * logs where each class comes from. A worker looks up a service provider on the class path
     * when it makes its socket channel, which opens every jar there: each one it does not need
     * costs it time. The whole class path if that run fails.
     */
    static String reduce(WorkerCommand worker, String classPath, AotCacheStore.Entry entry)
            throws IOException, InterruptedException {
        Path loaded = Files.createTempFile(entry.directory(), entry.name(), ".classes.tmp");
        try {
            if (train(worker, classPath, List.of("-Xlog:class+load=info:file=" + loaded), entry.log()) != null) {
                return classPath;
            }
            Set<Path> sources = new HashSet<>();
            for (String line : Files.readAllLines(loaded)) {
                int source = line.indexOf(" source: file:");
                if (source >= 0) {
                    sources.add(Path.of(URI.create(line.substring(source + " source: ".length()).trim())).normalize());
                }
            }
            List<String> needed = new ArrayList<>();
            for (String classPathEntry : classPath.split(File.pathSeparator)) {
                if (sources.contains(Path.of(classPathEntry).toAbsolutePath().normalize())) {
                    needed.add(classPathEntry);
                }
            }
            return needed.isEmpty() ? classPath : String.join(File.pathSeparator, needed);
        } finally {
            Files.deleteIfExists(loaded);
        }
    }

    /**
     * Runs a training worker: spawns it exactly as the process model does (the socket of a
     * loopback connection as its standard input and output, the lifeline), with
     * {@code extraOptions}, sends it {@link #TRAINING_REQUESTS} and waits until it has exited
     * (after writing the cache, when asked to), with a watch that kills it and whatever it started
     * should this JVM die meanwhile ({@link #KILL_GROUP_WHEN_PARENT_GONE}). Returns null when it
     * answered every request and exited normally, else what went wrong.
     */
    static String train(WorkerCommand worker, String classPath, List<String> extraOptions, Path log)
            throws IOException, InterruptedException {
        List<String> command = worker.command(classPath, extraOptions, List.of(ConnectionWorker.class.getName(),
                ConnectionWorker.TRAIN));
        command.addAll(WorkerSettings.of(ServerConfig.defaults()).toArguments());
        BlockingQueue<ChildReaper.Exit> exits = new LinkedBlockingQueue<>();
        try (ListeningSocket listener = ListeningSocket.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
             Lifeline lifeline = Lifeline.open();
             ChildReaper reaper = new ChildReaper(ROLE, exits::add);
             Socket client = new Socket()) {
            client.connect(listener.localAddress());
            client.setSoTimeout(Math.toIntExact(TRAINING_TIMEOUT.toMillis()));
            long start = System.nanoTime();
            int pid;
            try (Descriptor connection = listener.accept(); Descriptor logFile = Descriptor.createFile(log)) {
                ConnectedSocket.prepareForChild(connection.number(), ServerConfig.defaults().readTimeout());
                pid = ProcessSpawner.spawn(command, worker.environment(), Map.of(
                        0, connection.number(), 1, connection.number(), 2, logFile.number(),
                        Lifeline.CHILD_DESCRIPTOR, lifeline.childEnd()), true);
                reaper.adopt(pid, start, TRAINING_TIMEOUT);
                int watch = ProcessSpawner.spawn(List.of(SHELL, "-c", KILL_GROUP_WHEN_PARENT_GONE,
                        ROLE + "-watch", Integer.toString(pid)), worker.environment(),
                        Map.of(Lifeline.CHILD_DESCRIPTOR, lifeline.childEnd()));
                reaper.adopt(watch, start, TRAINING_TIMEOUT);
            }
            client.getOutputStream().write(TRAINING_REQUESTS.getBytes(StandardCharsets.US_ASCII));
            String responses = new String(client.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            long answered = STATUS_LINE.matcher(responses).results().count();
            long deadline = System.nanoTime() + TRAINING_TIMEOUT.toNanos();
            ChildReaper.Exit exit;
            do { // the watch's exit is not the one awaited
                exit = exits.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } while (exit != null && exit.pid() != pid);
            if (exit == null || exit.overdue()) {
                return "the training run took longer than " + TRAINING_TIMEOUT.toSeconds() + " s";
            }
            if (answered != TRAINING_REQUEST_COUNT) {
                return "the training run answered " + answered + " of " + TRAINING_REQUEST_COUNT + " requests";
            }
            if (exit.exitCode() != 0) {
                return "the training run " + exit.describe();
            }
        }
        return null;
    }

    /** Whether a JVM started with these options maps the cache; it refuses to start if not. */
    static boolean usable(WorkerCommand worker, String classPath, Path cache) throws IOException, InterruptedException {
        List<String> command = worker.command(classPath, List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"),
                List.of("-version"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(worker.environment());
        Process check = builder.start();
        if (!check.waitFor(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            check.destroyForcibly().waitFor();
            return false;
        }
        return check.exitValue() == 0;
    }
}
