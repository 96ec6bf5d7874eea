package dev.concbench.servers.workerjvm;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory of the worker JVMs' AOT caches, {@code ${java.io.tmpdir}/concbench-workers}: how a
 * cache is named, locked and cleaned up. A cache {@code worker-<location>-<identity>} has its
 * {@code .aot} file, the {@code .classpath} its workers run with, the {@code .log} of its training
 * and a {@code .lock}; jars of class directories are {@code classes-<directory>-<contents>.jar}
 * ({@link ClassPathJars}). Files are written through {@link AtomicFile}.
 */
final class AotCacheStore {

    static final String JAR_PREFIX = "classes-";
    private static final String CACHE_PREFIX = "worker-";
    /** Bumped when the way a cache is built changes, so that older caches are not used. */
    private static final String FORMAT = "2";
    /** How many caches are kept however long unused. */
    static final int KEEP_CACHES = 4;
    private static final Duration UNUSED_FOR = Duration.ofHours(1);
    private static final Duration JAR_UNUSED_FOR = Duration.ofDays(1);

    private AotCacheStore() {
    }

    /** The files of the cache {@code name} in {@code directory}. */
    record Entry(Path directory, String name) {

        Path cache() {
            return directory.resolve(name + ".aot");
        }

        /** The class path its workers run with. */
        Path classPath() {
            return directory.resolve(name + ".classpath");
        }

        /** What its training runs wrote to standard error. */
        Path log() {
            return directory.resolve(name + ".log");
        }

        Path lock() {
            return directory.resolve(name + ".lock");
        }
    }

    /** The directory, made if missing. */
    static Path directory() throws IOException {
        return Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "concbench-workers"));
    }

    /**
     * The name of the cache for workers started by {@code java} with {@code vmOptions} and
     * {@code classPath}, run from {@code jars}: a hash of everything the JVM checks when it maps a
     * cache (the JVM, the options, the class path and the size and time of each jar on it), so a
     * rebuilt jar gets a new cache rather than a stale one.
     */
    static String name(Path java, List<String> vmOptions, List<String> classPath, List<String> jars) {
        String location = hash(List.of(java.toString(), String.join(" ", vmOptions), String.join(File.pathSeparator, classPath)));
        List<String> identity = new ArrayList<>(List.of(FORMAT, location, System.getProperty("java.vm.version"),
                String.join(File.pathSeparator, jars)));
        for (String jar : jars) {
            identity.add(fingerprint(Path.of(jar)));
        }
        return CACHE_PREFIX + location + "-" + hash(identity);
    }

    /**
     * Locks {@code entry} against another JVM training the same cache; waits while one does.
     * Closing the channel releases the lock.
     */
    static FileChannel lock(Entry entry) throws IOException {
        FileChannel channel = FileChannel.open(entry.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            channel.lock();
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Marks the cache used now, which {@link #prune} goes by. */
    static void touch(Path cache) throws IOException {
        Files.setLastModifiedTime(cache, FileTime.from(Instant.now()));
    }

    /**
     * Housekeeping after a cache is built: the {@value #KEEP_CACHES} most recently used caches
     * stay, and every other one goes once unused for an hour, with its class-path, log and lock
     * files; so do jars of classes that no remaining cache names once a day old (a server without
     * a cache may still run from one), and temporary files left by a killed JVM once an hour old.
     */
    static void prune(Path directory, Instant now) {
        FileTime hourAgo = FileTime.from(now.minus(UNUSED_FOR));
        FileTime dayAgo = FileTime.from(now.minus(JAR_UNUSED_FOR));
        try {
            List<Path> caches = listed(directory).stream()
                    .filter(file -> file.getFileName().toString().endsWith(".aot"))
                    .sorted(Comparator.comparing(AotCacheStore::modified).reversed())
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
                        || (name.startsWith(CACHE_PREFIX) && !kept.contains(baseName(name)));
                boolean unusedJar = name.startsWith(JAR_PREFIX) && name.endsWith(".jar") && !namedJars.contains(name);
                if ((stale && modified(file).compareTo(hourAgo) < 0) || (unusedJar && modified(file).compareTo(dayAgo) < 0)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // housekeeping: what cannot be deleted now is deleted another time
        }
    }

    /** The first 16 hex digits of the SHA-256 of {@code parts}. */
    static String hash(List<String> parts) {
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
}
