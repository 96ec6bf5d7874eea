package dev.concbench.bench.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A set of CPUs in {@code taskset -c} list form ({@code "0"}, {@code "1-3"}, {@code "0,2"}), and
 * how to confine a process to it with {@code taskset} from util-linux.
 *
 * @param text the list, e.g. {@code "0-1,4"}
 */
public record CpuList(String text) {

    private static final String PATTERN = "\\d+(-\\d+)?(,\\d+(-\\d+)?)*";
    private static final long TASKSET_TIMEOUT_SECONDS = 10;

    public CpuList {
        Objects.requireNonNull(text, "text");
        if (!text.matches(PATTERN)) {
            throw new IllegalArgumentException("a CPU list looks like \"0\", \"1-3\" or \"0,2\", not \"" + text + "\"");
        }
    }

    /** The list, or null for a null or blank text (meaning: not pinned). */
    public static CpuList parseOrNull(String text) {
        return text == null || text.isBlank() ? null : new CpuList(text.strip());
    }

    /**
     * The CPUs this process may run on now ({@code Cpus_allowed_list} of {@code /proc/self/status}),
     * to be restored after pinning it for a while; empty where there is no such file.
     */
    public static Optional<CpuList> ofThisProcess() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Cpus_allowed_list:"))
                    .map(line -> new CpuList(line.substring(line.indexOf(':') + 1).strip())).findFirst();
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The command prefix that starts a program on these CPUs: {@code taskset -c LIST}. */
    public List<String> commandPrefix() {
        return List.of("taskset", "-c", text);
    }

    /**
     * Confines every thread of a running process, and so every thread it starts later, to these
     * CPUs ({@code taskset -a -c -p LIST PID}).
     *
     * @throws IOException when taskset is missing or refuses (e.g. a CPU that does not exist)
     */
    public void pin(long pid) throws IOException {
        List<String> command = new ArrayList<>(List.of("taskset", "-a", "-c", "-p", text, Long.toString(pid)));
        Process taskset;
        try {
            taskset = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot pin to CPUs " + text + ": taskset (util-linux) is needed: " + e.getMessage(), e);
        }
        try {
            taskset.getOutputStream().close();
            String output = new String(taskset.getInputStream().readAllBytes()).strip();
            if (!taskset.waitFor(TASKSET_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                taskset.destroyForcibly();
                throw new IOException("taskset did not finish within " + TASKSET_TIMEOUT_SECONDS + " s");
            }
            if (taskset.exitValue() != 0) {
                throw new IOException("cannot pin process " + pid + " to CPUs " + text + ": " + output);
            }
        } catch (InterruptedException e) {
            taskset.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pinning to CPUs " + text, e);
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
