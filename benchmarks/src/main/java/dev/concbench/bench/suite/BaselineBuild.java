package dev.concbench.bench.suite;

import dev.concbench.results.AbBaseline;
import dev.concbench.results.GitInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The baseline (side A) of an A/B run: the servers of another build, found or built from what
 * {@code --against} names.
 *
 * <ul>
 *   <li>{@value #SELF}: this build on both sides (an A/A run, which measures the noise); nothing
 *       is built.</li>
 *   <li>the path of another checkout: its {@code servers} module (and what it needs) is built in
 *       place, every time, since a checkout can change; its commit and dirty flag are recorded.</li>
 *   <li>anything else is a commit-ish of this repository: the commit's tree is exported
 *       ({@code git archive}) into a temporary directory, its {@code servers} module built there,
 *       and the runnable jar kept in the build cache under the full commit hash, so that the next
 *       run against the same commit builds nothing. The temporary directory is removed, built or
 *       not.</li>
 * </ul>
 * Builds run {@code mvn -B -q -pl servers -am package -DskipTests} with this JVM's JDK, their
 * output in a log file whose last lines a failure quotes.
 *
 * @param against   what {@code --against} named
 * @param classPath the baseline's servers on a class path (the runnable servers jar)
 * @param record    what the result file records of it
 */
record BaselineBuild(String against, String classPath, AbBaseline record) {

    /** {@code --against self}: the same build on both sides. */
    static final String SELF = "self";
    /** The runnable servers jar of a build, relative to its checkout. */
    static final Path SERVERS_JAR = Path.of("servers", "target", "concbench-servers.jar");
    private static final long BUILD_TIMEOUT_MINUTES = 15;
    private static final int LOG_TAIL_LINES = 15;

    BaselineBuild {
        Objects.requireNonNull(against, "against");
        Objects.requireNonNull(classPath, "classPath");
        Objects.requireNonNull(record, "record");
    }

    /**
     * How to build: which {@code mvn}, whether offline, where the cache and the logs go.
     *
     * @param maven      the {@code mvn} command
     * @param offline    pass {@code -o} (the outer build was offline)
     * @param cache      where built jars are kept, one directory per commit
     * @param workDir    where the build log goes
     * @param repository the repository a commit-ish is resolved in (this checkout)
     * @param ownClassPath this build's own servers, for {@value #SELF}
     * @param out        where progress is told
     */
    record Builder(String maven, boolean offline, Path cache, Path workDir, Path repository, String ownClassPath,
                   PrintStream out) {

        /**
         * Finds or builds the baseline.
         *
         * @throws IllegalArgumentException when {@code against} names no commit and no checkout
         * @throws IOException              when the build fails; the message names its log
         */
        BaselineBuild resolve(String against) throws IOException {
            String ref = against.strip();
            if (ref.equals(SELF)) {
                GitInfo own = GitProbe.probe(repository);
                return new BaselineBuild(ref, ownClassPath, new AbBaseline(ref, own.commit(), own.dirty(), true));
            }
            Path checkout = Path.of(ref);
            if (Files.isDirectory(checkout) && Files.isRegularFile(checkout.resolve("pom.xml"))) {
                GitInfo git = GitProbe.probe(checkout);
                out.println("baseline: building the servers of the checkout " + checkout.toAbsolutePath());
                build(checkout, workDir.resolve("baseline-build.log"));
                return new BaselineBuild(ref, checkout.resolve(SERVERS_JAR).toAbsolutePath().toString(),
                        new AbBaseline(ref, git.commit(), git.dirty(), false));
            }
            String commit = GitProbe.git(repository, "rev-parse", "--verify", "--quiet", ref + "^{commit}")
                    .filter(hash -> hash.matches("[0-9a-f]{40,64}"))
                    .orElseThrow(() -> new IllegalArgumentException("--against " + ref
                            + ": not a commit of this repository, nor the path of a checkout, nor 'self'"));
            Path cached = cache.resolve(commit).resolve(SERVERS_JAR.getFileName());
            if (Files.isRegularFile(cached)) {
                out.println("baseline: " + shortHash(commit) + " (" + ref + "), built before: " + cached);
            } else {
                out.println("baseline: building the servers of " + shortHash(commit) + " (" + ref + ") into " + cached);
                buildCommit(commit, cached);
            }
            return new BaselineBuild(ref, cached.toString(), new AbBaseline(ref, commit, false, false));
        }

        private void buildCommit(String commit, Path cached) throws IOException {
            Path tree = Files.createTempDirectory("concbench-baseline-");
            // Interrupted (Ctrl-C), the JVM runs no finally block: the hook removes the tree then.
            Thread cleanup = Thread.ofPlatform().name("concbench-baseline-cleanup").unstarted(() -> deleteTree(tree));
            Runtime.getRuntime().addShutdownHook(cleanup);
            try {
                Path archive = tree.resolve("source.tar");
                runOrFail(List.of("git", "-C", repository.toString(), "archive", "--format=tar", "-o",
                        archive.toString(), commit), repository, workDir.resolve("baseline-archive.log"),
                        "git archive of " + shortHash(commit));
                runOrFail(List.of("tar", "-xf", archive.toString(), "-C", tree.toString()), tree,
                        workDir.resolve("baseline-archive.log"), "unpacking " + shortHash(commit));
                build(tree, workDir.resolve("baseline-build-" + shortHash(commit) + ".log"));
                Files.createDirectories(cached.getParent());
                Path partial = cached.resolveSibling(cached.getFileName() + ".partial");
                Files.copy(tree.resolve(SERVERS_JAR), partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                deleteTree(tree);
                removeHook(cleanup);
            }
        }

        private void build(Path checkout, Path log) throws IOException {
            List<String> command = new ArrayList<>(List.of(maven, "-B", "-q"));
            if (offline) {
                command.add("-o");
            }
            command.addAll(List.of("-pl", "servers", "-am", "package", "-DskipTests"));
            runOrFail(command, checkout, log, "the baseline's build");
            if (!Files.isRegularFile(checkout.resolve(SERVERS_JAR))) {
                throw new IOException("the baseline's build made no " + SERVERS_JAR + " (see " + log + ")");
            }
        }

        private void runOrFail(List<String> command, Path directory, Path log, String what) throws IOException {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            // The baseline builds with this JDK, whatever JAVA_HOME the shell had.
            builder.environment().put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new IOException(what + " could not start (" + command.getFirst() + ": " + e.getMessage() + ")", e);
            }
            // A build must not outlive the runner, however the runner ends.
            Thread stop = Thread.ofPlatform().name("concbench-baseline-build-stop").unstarted(() -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            });
            Runtime.getRuntime().addShutdownHook(stop);
            try (InputStream ignored = process.getInputStream()) {
                process.getOutputStream().close();
                if (!process.waitFor(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IOException(what + " took over " + BUILD_TIMEOUT_MINUTES + " minutes (see " + log + ")");
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException(what + " was interrupted", e);
            } finally {
                removeHook(stop);
            }
            if (process.exitValue() != 0) {
                throw new IOException(what + " failed with exit code " + process.exitValue() + " (log " + log + "):"
                        + tail(log));
            }
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs, or has run, as the JVM exits
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\n  " + String.join("\n  ", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return " (the log cannot be read)";
        }
    }

    static String shortHash(String commit) {
        return commit.substring(0, Math.min(12, commit.length()));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("concbench-bench: could not remove " + root + ": " + e.getMessage());
        }
    }

    /** The default build cache: {@code $XDG_CACHE_HOME/concbench/builds}, else {@code ~/.cache/concbench/builds}. */
    static Path defaultCache() {
        return Optional.ofNullable(System.getenv("XDG_CACHE_HOME")).filter(dir -> !dir.isBlank()).map(Path::of)
                .orElse(Path.of(System.getProperty("user.home"), ".cache")).resolve("concbench").resolve("builds");
    }
}
