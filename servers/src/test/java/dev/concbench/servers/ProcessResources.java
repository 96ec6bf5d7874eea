package dev.concbench.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What this JVM holds, to tell whether a server released what it made: live platform threads (the
 * JDK does not list virtual threads here), open descriptors (Linux, from {@code /proc/self/fd}) and
 * the model's threads by their {@code <model>-} name prefix.
 */
final class ProcessResources {

    private static final Path OPEN_DESCRIPTORS = Path.of("/proc/self/fd");

    private ProcessResources() {
    }

    /** Whether descriptors can be counted on this system. */
    static boolean canCountDescriptors() {
        return Files.isDirectory(OPEN_DESCRIPTORS);
    }

    static int platformThreadCount() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    static int openDescriptors() {
        try (Stream<Path> descriptors = Files.list(OPEN_DESCRIPTORS)) {
            return Math.toIntExact(descriptors.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the live platform threads. */
    static Set<Long> liveThreadIds() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::threadId).collect(Collectors.toSet());
    }

    /** Live platform threads named {@code <model>-...} that are not among {@code threadsBefore}. */
    static List<String> modelThreadNames(String model, Set<Long> threadsBefore) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !threadsBefore.contains(thread.threadId()))
                .map(Thread::getName)
                .filter(name -> name.startsWith(model + "-"))
                .sorted()
                .toList();
    }
}
