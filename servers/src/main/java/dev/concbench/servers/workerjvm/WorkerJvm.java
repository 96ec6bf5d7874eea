package dev.concbench.servers.workerjvm;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line of a worker JVM: this JVM's own {@code java}, this JVM's class path (so the
 * worker runs the same codec and application; with the AOT cache, only the entries a worker loads
 * classes from), the tuning of {@link WorkerJvmOptions}, the AOT cache when there is one, and the
 * options every worker needs:
 * <ul>
 *   <li>every message of the JVM itself goes to standard error, never to standard output, which
 *       may be a client's socket;</li>
 *   <li>native access is enabled, as for the servers jar.</li>
 * </ul>
 * The environment is this JVM's, less the variables through which the {@code java} launcher adds
 * options ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}, {@code _JAVA_OPTIONS}): a worker's
 * options are exactly those on its command line. Immutable.
 */
public final class WorkerJvm {

    private static final List<String> REQUIRED = List.of(
            "-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr",
            "--enable-native-access=ALL-UNNAMED");
    private static final List<String> LAUNCHER_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final Path java;
    private final List<String> vmOptions;
    private final String classPath;
    private final Map<String, String> environment;
    private final AotCache.Outcome cache;

    private WorkerJvm(Path java, List<String> vmOptions, String classPath, Map<String, String> environment,
                      AotCache.Outcome cache) {
        this.java = java;
        this.vmOptions = vmOptions;
        this.classPath = classPath;
        this.environment = environment;
        this.cache = cache;
    }

    /**
     * Prepares worker JVMs like this one. With {@link WorkerJvmOptions#aotCache()}, this finds or
     * builds the AOT cache for this class path, which takes a few seconds the first time (the
     * progress is shown on standard error); if it cannot be built, workers start without it.
     */
    public static WorkerJvm prepare(WorkerJvmOptions options) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> vmOptions = new ArrayList<>(REQUIRED);
        vmOptions.addAll(options.tuning());
        List<String> classPath = Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty())
                .toList();
        Map<String, String> environment = new HashMap<>(System.getenv());
        LAUNCHER_VARIABLES.forEach(environment::remove);
        if (!options.aotCache()) {
            return new WorkerJvm(java, List.copyOf(vmOptions), String.join(File.pathSeparator, classPath),
                    Map.copyOf(environment), AotCache.Outcome.off());
        }
        AotCache.Outcome cache = AotCache.prepare(java, List.copyOf(vmOptions), classPath, Map.copyOf(environment));
        return new WorkerJvm(java, List.copyOf(vmOptions), cache.classPath(), Map.copyOf(environment), cache);
    }

    /** The full command that runs {@code mainClass} with {@code arguments} in a worker JVM. */
    public List<String> command(Class<?> mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(vmOptions);
        if (cache.file() != null) {
            command.add("-XX:AOTCache=" + cache.file());
        }
        command.add("-cp");
        command.add(classPath);
        command.add(mainClass.getName());
        command.addAll(arguments);
        return List.copyOf(command);
    }

    /** The worker's environment. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Whether workers start from an AOT cache, and if not why, for {@code Server.report()}. */
    public String cacheState() {
        return cache.state();
    }
}
