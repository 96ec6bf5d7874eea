package dev.concbench.bench.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Reads one process's figures from this machine's {@code /proc}: {@code stat} for CPU time,
 * {@code status} for threads and resident memory, {@code fd/} for open descriptors, and
 * {@code task/} for each thread's CPU time and name. The parsing is shared with
 * {@link RemoteProcFs}, which reads the same files on another host.
 */
final class ProcFs implements ProcSource {

    private static final long DEFAULT_CLOCK_TICKS = 100;

    /**
     * The names HotSpot gives its JIT compiler threads ({@code C1 CompilerThread0},
     * {@code C2 CompilerThread1}; Linux keeps the first 15 characters).
     */
    private static final List<String> JIT_THREAD_NAMES = List.of("C1 CompilerThre", "C2 CompilerThre");

    private final Path root;
    private final long clockTicksPerSecond;

    ProcFs(Path root, long clockTicksPerSecond) {
        this.root = root;
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** The real {@code /proc} of this machine. */
    static ProcFs system() {
        return new ProcFs(Path.of("/proc"), clockTicks());
    }

    @Override
    public boolean available() {
        return Files.isReadable(root.resolve("self").resolve("stat"));
    }

    /** One process's figures. */
    record Sample(int threads, int fileDescriptors, long rssBytes) {
    }

    @Override
    public Optional<Sample> sample(long pid) {
        return whileAlive(pid, dir -> statusSample(Files.readAllLines(dir.resolve("status"), StandardCharsets.UTF_8),
                countEntries(dir.resolve("fd"))));
    }

    @Override
    public Optional<CpuReading> cpuReading(long pid) {
        return whileAlive(pid, dir -> {
            double ticks = cpuSeconds(Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII));
            Map<Long, Long> threadNanos = new HashMap<>();
            Set<Long> jit = new HashSet<>();
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(dir.resolve("task"))) {
                for (Path task : tasks) {
                    long tid = Long.parseLong(task.getFileName().toString());
                    try {
                        String schedstat = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII);
                        threadNanos.put(tid, Long.parseLong(schedstat.substring(0, schedstat.indexOf(' '))));
                        if (isJitThread(Files.readString(task.resolve("comm"), StandardCharsets.UTF_8))) {
                            jit.add(tid);
                        }
                    } catch (IOException ended) {
                        // A thread that ends while it is read fails with ENOENT or ESRCH: it is left
                        // out, and the ticks, which count ended threads, are used for this window.
                    }
                }
            }
            return new CpuReading(ticks, 1.0 / clockTicksPerSecond, threadNanos, jit);
        });
    }

    /** The descendants as the JDK finds them (from every process's {@code stat} on this machine). */
    @Override
    public List<Long> descendants(long pid) {
        return ProcessHandle.of(pid).map(handle -> handle.descendants().map(ProcessHandle::pid).toList())
                .orElse(List.of());
    }

    /** A sample from the lines of {@code /proc/PID/status} ({@code Threads:} and {@code VmRSS:}) and a count of {@code fd/}. */
    static Sample statusSample(List<String> statusLines, int fileDescriptors) {
        int threads = 0;
        long rssBytes = 0;
        for (String line : statusLines) {
            if (line.startsWith("Threads:")) {
                threads = Integer.parseInt(line.substring("Threads:".length()).strip());
            } else if (line.startsWith("VmRSS:")) {
                rssBytes = kilobytes(line.substring("VmRSS:".length())) * 1024;
            }
        }
        return new Sample(threads, fileDescriptors, rssBytes);
    }

    /** Whether a thread of this name ({@code /proc/PID/task/TID/comm}) is one of HotSpot's JIT compilers. */
    static boolean isJitThread(String comm) {
        return JIT_THREAD_NAMES.stream().anyMatch(comm::startsWith);
    }

    /** Reads one process's directory: a reader's result, or empty when the process is gone (or was never there). */
    private <T> Optional<T> whileAlive(long pid, ProcessReader<T> reader) {
        Path dir = root.resolve(Long.toString(pid));
        try {
            return Optional.of(reader.read(dir));
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            // A process that exits while being read can fail with ESRCH rather than ENOENT.
            if (!Files.exists(dir)) {
                return Optional.empty();
            }
            throw new UncheckedIOException(e);
        }
    }

    /** Reads what it needs from one process's {@code /proc/PID} directory. */
    @FunctionalInterface
    private interface ProcessReader<T> {
        T read(Path processDirectory) throws IOException;
    }

    /**
     * User and system CPU seconds of the process and of its children it has reaped
     * ({@code utime + stime + cutime + cstime}, fields 14–17 of {@code /proc/PID/stat}).
     */
    double cpuSeconds(String stat) {
        return cpuSeconds(stat, clockTicksPerSecond);
    }

    /** {@link #cpuSeconds(String)} on a host with this clock tick rate. */
    static double cpuSeconds(String stat, long clockTicksPerSecond) {
        // The command name (field 2) is in parentheses and may contain spaces: count from the last ')'.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = 0;
        for (int field = 14; field <= 17; field++) {
            ticks += Long.parseLong(fields[field - 3]);
        }
        return (double) ticks / clockTicksPerSecond;
    }

    private static long kilobytes(String value) {
        String number = value.strip();
        int space = number.indexOf(' ');
        return Long.parseLong(space < 0 ? number : number.substring(0, space));
    }

    private static int countEntries(Path directory) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path ignored : entries) {
                count++;
            }
        }
        return count;
    }

    /** {@code getconf CLK_TCK}, the unit of the CPU times in {@code stat}; 100 when it cannot be asked. */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            getconf.getOutputStream().close();
            String output = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(output);
            }
            getconf.destroyForcibly();
        } catch (IOException | NumberFormatException e) {
            // fall back to the value of every common Linux build
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return DEFAULT_CLOCK_TICKS;
    }
}
