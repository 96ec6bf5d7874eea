package dev.concbench.servers.process;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.posix.ChildReaper;
import dev.concbench.servers.posix.ConnectedSocket;
import dev.concbench.servers.posix.Descriptor;
import dev.concbench.servers.posix.Lifeline;
import dev.concbench.servers.posix.ListeningSocket;
import dev.concbench.servers.posix.ProcessSpawner;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The worker JVMs' AOT cache (JEP 483/514): built once per class path, JVM and options, by a
 * training run of a {@link ConnectionWorker} started exactly as the process model starts one,
 * that serves every endpoint over its inherited socket (one-step {@code -XX:AOTCacheOutput}); then
 * used by every worker through {@code -XX:AOTCache}.
 *
 * <p>It lives in {@code ${java.io.tmpdir}/concbench-workers}, named by a hash of everything the
 * JVM checks when it maps a cache (the JVM, the options, the class path and the size and time of
 * each jar on it), so a rebuilt jar gets a new cache rather than a stale one. A cache can only
 * hold classes from jars, so each directory on the class path (as under Maven's
 * {@code target/classes}) is first copied into a jar named by its contents. Files are written
 * under temporary names and moved into place atomically; a file lock keeps two JVMs from training
 * the same cache at once. Before use, a cache is checked by starting a JVM that must map it
 * ({@code -XX:AOTMode=on}); one that fails (truncated, corrupt, for another JVM) is rebuilt. A
 * first training run finds the class path entries a worker loads classes from, and the worker's
 * class path keeps only those. Caches unused for an hour are deleted, but for the few most
 * recently used ({@link #prune}).
 *
 * <p>Each cache is prepared once per JVM; concurrent callers wait for the same preparation.
 */
final class AotCache {

    /** How a worker JVM starts: its class path, and the cache file or why there is none. */
    record Outcome(Path file, String classPath, String state) {

        static Outcome off() {
            return new Outcome(null, null, "off");
        }
    }

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

    private static final String FORMAT = "2";
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
    private static final Duration UNUSED_FOR = Duration.ofHours(1);
    /** How many caches are kept however long unused. */
    static final int KEEP_CACHES = 4;
    private static final ConcurrentMap<String, FutureTask<Outcome>> PREPARED = new ConcurrentHashMap<>();

    private AotCache() {
    }

    /**
     * Finds, checks or builds the cache for workers started by {@code java} with {@code vmOptions},
     * {@code classPath} and {@code environment}. Never throws for a cache that cannot be had: the
     * outcome then says why, and workers start without one.
     */
    static Outcome prepare(Path java, List<String> vmOptions, List<String> classPath, Map<String, String> environment) {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"), "concbench-workers");
        List<String> jars;
        try {
            Files.createDirectories(directory);
            jars = jarsOnly(classPath, directory);
        } catch (IOException e) {
            return new Outcome(null, String.join(File.pathSeparator, classPath), "unavailable: " + e);
        }
        String jarPath = String.join(File.pathSeparator, jars);
        String location = hash(List.of(java.toString(), String.join(" ", vmOptions), String.join(File.pathSeparator, classPath)));
        List<String> identity = new ArrayList<>(List.of(FORMAT, location, System.getProperty("java.vm.version"), jarPath));
        for (String jar : jars) {
            identity.add(fingerprint(Path.of(jar)));
        }
        String name = "worker-" + location + "-" + hash(identity);
        Worker worker = new Worker(java, vmOptions, environment);
        FutureTask<Outcome> task = new FutureTask<>(() -> findOrBuild(directory, name, worker, jarPath));
        FutureTask<Outcome> existing = PREPARED.putIfAbsent(name, task);
        FutureTask<Outcome> preparing = existing == null ? task : existing;
        if (existing == null) {
            task.run();
        }
        try {
            return preparing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, jarPath, "unavailable: interrupted while preparing it");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException) {
                PREPARED.remove(name, preparing); // not the cache's fault: the next server tries again
                Thread.currentThread().interrupt();
            }
            return new Outcome(null, jarPath, "unavailable: " + e.getCause());
        }
    }

    /** How a worker JVM is started, less its class path and main class. */
    private record Worker(Path java, List<String> vmOptions, Map<String, String> environment) {

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

    private static Outcome findOrBuild(Path directory, String name, Worker worker, String classPath)
            throws IOException, InterruptedException {
        Path cache = directory.resolve(name + ".aot");
        Path workerClassPath = directory.resolve(name + ".classpath");
        Path log = directory.resolve(name + ".log");
        try (FileChannel lockFile = FileChannel.open(directory.resolve(name + ".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock _ = lockFile.lock()) {
            if (Files.exists(cache) && Files.exists(workerClassPath)) {
                String reduced = Files.readString(workerClassPath);
                if (usable(worker, reduced, cache)) {
                    Files.setLastModifiedTime(cache, FileTime.from(Instant.now())); // used: kept by prune
                    return new Outcome(cache, reduced, "on (" + cache + ")");
                }
                Files.delete(cache);
            }
            long start = System.nanoTime();
            System.err.println("concbench: training the worker JVMs' AOT cache, once for this class path (a few seconds)...");
            String reduced = reduce(worker, classPath, directory, name, log);
            Path building = Files.createTempFile(directory, name, ".aot.tmp");
            Files.delete(building); // the JVM writes it
            try {
                String failure = train(worker, reduced, List.of("-XX:AOTCacheOutput=" + building), log);
                if (failure == null && !Files.exists(building)) {
                    failure = "the training run wrote no cache";
                }
                if (failure == null && usable(worker, reduced, building)) {
                    writeAtomically(workerClassPath, reduced, directory, name);
                    Files.move(building, cache, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    System.err.printf("concbench: AOT cache ready in %d ms: %s%n",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), cache);
                    prune(directory, Instant.now());
                    return new Outcome(cache, reduced, "on (" + cache + ")");
                }
                String reason = (failure != null ? failure : "the JVM cannot map the cache it wrote") + "; see " + log;
                System.err.println("concbench: no AOT cache for the worker JVMs, they start without one: " + reason);
                return new Outcome(null, reduced, "unavailable: " + reason);
            } finally {
                Files.deleteIfExists(building);
            }
        }
    }

    /**
     * The class path less the entries a worker loads no class from, found by a training run that
     * logs where each class comes from. A worker looks up a service provider on the class path
     * when it makes its socket channel, which opens every jar there: each one it does not need
     * costs it time. The whole class path if that run fails.
     */
    private static String reduce(Worker worker, String classPath, Path directory, String name, Path log)
            throws IOException, InterruptedException {
        Path loaded = Files.createTempFile(directory, name, ".classes.tmp");
        try {
            if (train(worker, classPath, List.of("-Xlog:class+load=info:file=" + loaded), log) != null) {
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
            for (String entry : classPath.split(File.pathSeparator)) {
                if (sources.contains(Path.of(entry).toAbsolutePath().normalize())) {
                    needed.add(entry);
                }
            }
            return needed.isEmpty() ? classPath : String.join(File.pathSeparator, needed);
        } finally {
            Files.deleteIfExists(loaded);
        }
    }

    private static void writeAtomically(Path file, String text, Path directory, String name) throws IOException {
        Path building = Files.createTempFile(directory, name, ".classpath.tmp");
        try {
            Files.writeString(building, text);
            Files.move(building, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(building);
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
    private static String train(Worker worker, String classPath, List<String> extraOptions, Path log)
            throws IOException, InterruptedException {
        List<String> command = worker.command(classPath, extraOptions, List.of(ConnectionWorker.class.getName(),
                ConnectionWorker.TRAIN));
        command.addAll(WorkerSettings.of(ServerConfig.defaults()).toArguments());
        BlockingQueue<ChildReaper.Exit> exits = new LinkedBlockingQueue<>();
        try (ListeningSocket listener = ListeningSocket.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
             Lifeline lifeline = Lifeline.open();
             ChildReaper reaper = new ChildReaper(ProcessModel.NAME + "-training", exits::add);
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
                        ProcessModel.NAME + "-training-watch", Integer.toString(pid)), worker.environment(),
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
    private static boolean usable(Worker worker, String classPath, Path cache) throws IOException, InterruptedException {
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

    /** The class path with each directory replaced by a jar of its contents. */
    private static List<String> jarsOnly(List<String> classPath, Path directory) throws IOException {
        List<String> jars = new ArrayList<>();
        for (String entry : classPath) {
            Path path = Path.of(entry);
            jars.add(Files.isDirectory(path) ? packed(path.toAbsolutePath(), directory).toString() : entry);
        }
        return jars;
    }

    /** A jar of the directory's files, named by the directory and a hash of its contents; made once. */
    static Path packed(Path classes, Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        List<String> contents = new ArrayList<>();
        for (Path file : files) {
            contents.add(classes.relativize(file) + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
        }
        String prefix = "classes-" + hash(List.of(classes.toString())) + "-";
        String name = prefix + hash(contents);
        Path jar = directory.resolve(name + ".jar");
        if (Files.exists(jar)) {
            return jar;
        }
        Path building = Files.createTempFile(directory, name, ".jar.tmp");
        try {
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(building))) {
                for (Path file : files) {
                    ZipEntry entry = new ZipEntry(classes.relativize(file).toString().replace(File.separatorChar, '/'));
                    entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                    out.putNextEntry(entry);
                    Files.copy(file, out);
                    out.closeEntry();
                }
            }
            Files.move(building, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(building);
        }
        return jar;
    }

    /**
     * Housekeeping after a cache is built: the {@value #KEEP_CACHES} most recently used caches
     * stay, and every other one goes once unused for an hour, with its class-path, log and lock
     * files; so do jars of classes that no remaining cache names once a day old (a server without
     * a cache may still run from one), and temporary files left by a killed JVM once an hour old.
     */
    static void prune(Path directory, Instant now) {
        FileTime hourAgo = FileTime.from(now.minus(UNUSED_FOR));
        FileTime dayAgo = FileTime.from(now.minus(Duration.ofDays(1)));
        try {
            List<Path> caches = listed(directory).stream()
                    .filter(file -> file.getFileName().toString().endsWith(".aot"))
                    .sorted(Comparator.comparing(AotCache::modified).reversed())
                    .toList();
            for (Path cache : caches.subList(Math.min(KEEP_CACHES, caches.size()), caches.size())) {
                if (modified(cache).compareTo(hourAgo) < 0) {
                    Files.deleteIfExists(cache);
                }
            }
            Set<String> kept = new HashSet<>();
            Set<String> namedJars = new HashSet<>();
            for (Path file : listed(directory)) {
                String name = file.getFileName().toString();
                if (name.endsWith(".aot")) {
                    kept.add(baseName(name));
                } else if (name.endsWith(".classpath")) {
                    for (String entry : Files.readString(file).split(File.pathSeparator)) {
                        namedJars.add(Path.of(entry).getFileName().toString());
                    }
                }
            }
            for (Path file : listed(directory)) {
                String name = file.getFileName().toString();
                boolean stale = name.endsWith(".tmp")
                        || (name.startsWith("worker-") && !kept.contains(baseName(name)));
                boolean unusedJar = name.startsWith("classes-") && name.endsWith(".jar") && !namedJars.contains(name);
                if ((stale && modified(file).compareTo(hourAgo) < 0) || (unusedJar && modified(file).compareTo(dayAgo) < 0)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // housekeeping: what cannot be deleted now is deleted another time
        }
    }

    private static List<Path> listed(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code worker-x-y} of {@code worker-x-y.aot}, {@code worker-x-y.classpath}... */
    private static String baseName(String fileName) {
        int dot = fileName.indexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static String fingerprint(Path jar) {
        try {
            return jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            return jar + " missing";
        }
    }

    private static String hash(List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
