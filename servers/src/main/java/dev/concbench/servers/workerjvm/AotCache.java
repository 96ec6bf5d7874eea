package dev.concbench.servers.workerjvm;

import dev.concbench.servers.workerjvm.AotTraining.WorkerCommand;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * The worker JVMs' AOT cache (JEP 483/514): built once per class path, JVM and options, by a
 * training run of a {@link ConnectionWorker} started exactly as the process model starts one,
 * that serves every endpoint over its inherited socket (one-step {@code -XX:AOTCacheOutput}); then
 * used by every worker through {@code -XX:AOTCache}.
 *
 * <p>The parts: the directory, names, locks and pruning ({@link AotCacheStore}); the class path as
 * jars, since a cache can only hold classes from jars ({@link ClassPathJars}); the training runs
 * and the check that a JVM maps a cache ({@link AotTraining}). A file lock keeps two JVMs from
 * training the same cache at once. Before use, a cache is checked by starting a JVM that must map
 * it ({@code -XX:AOTMode=on}); one that fails (truncated, corrupt, for another JVM) is rebuilt. A
 * first training run finds the class path entries a worker loads classes from, and the worker's
 * class path keeps only those.
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

    private static final ConcurrentMap<String, FutureTask<Outcome>> PREPARED = new ConcurrentHashMap<>();

    private AotCache() {
    }

    /**
     * Finds, checks or builds the cache for workers started by {@code java} with {@code vmOptions},
     * {@code classPath} and {@code environment}. Never throws for a cache that cannot be had: the
     * outcome then says why, and workers start without one.
     */
    static Outcome prepare(Path java, List<String> vmOptions, List<String> classPath, Map<String, String> environment) {
        Path directory;
        List<String> jars;
        try {
            directory = AotCacheStore.directory();
            jars = ClassPathJars.jarsOnly(classPath, directory);
        } catch (IOException e) {
            return new Outcome(null, String.join(File.pathSeparator, classPath), "unavailable: " + e);
        }
        String jarPath = String.join(File.pathSeparator, jars);
        String name = AotCacheStore.name(java, vmOptions, classPath, jars);
        WorkerCommand worker = new WorkerCommand(java, vmOptions, environment);
        FutureTask<Outcome> task = new FutureTask<>(
                () -> findOrBuild(new AotCacheStore.Entry(directory, name), worker, jarPath));
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

    private static Outcome findOrBuild(AotCacheStore.Entry entry, WorkerCommand worker, String classPath)
            throws IOException, InterruptedException {
        Path cache = entry.cache();
        try (FileChannel _ = AotCacheStore.lock(entry)) {
            if (Files.exists(cache) && Files.exists(entry.classPath())) {
                String reduced = Files.readString(entry.classPath());
                if (AotTraining.usable(worker, reduced, cache)) {
                    AotCacheStore.touch(cache); // used: kept by prune
                    return new Outcome(cache, reduced, "on (" + cache + ")");
                }
                Files.delete(cache);
            }
            long start = System.nanoTime();
            System.err.println("concbench: training the worker JVMs' AOT cache, once for this class path (a few seconds)...");
            String reduced = AotTraining.reduce(worker, classPath, entry);
            try (AtomicFile building = AtomicFile.begin(cache)) {
                Files.delete(building.temporary()); // the JVM writes it
                String failure = AotTraining.train(worker, reduced,
                        List.of("-XX:AOTCacheOutput=" + building.temporary()), entry.log());
                if (failure == null && !Files.exists(building.temporary())) {
                    failure = "the training run wrote no cache";
                }
                if (failure == null && AotTraining.usable(worker, reduced, building.temporary())) {
                    AtomicFile.write(entry.classPath(), reduced);
                    building.commit();
                    System.err.printf("concbench: AOT cache ready in %d ms: %s%n",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), cache);
                    AotCacheStore.prune(entry.directory(), Instant.now());
                    return new Outcome(cache, reduced, "on (" + cache + ")");
                }
                String reason = (failure != null ? failure : "the JVM cannot map the cache it wrote") + "; see " + entry.log();
                System.err.println("concbench: no AOT cache for the worker JVMs, they start without one: " + reason);
                return new Outcome(null, reduced, "unavailable: " + reason);
            }
        }
    }
}
