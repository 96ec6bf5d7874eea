package dev.concbench.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What this JVM holds, to tell whether a server released what it made: live platform threads (the
 * JDK does not list virtual threads here), open descriptors (Linux, from {@code /proc/self/fd}),
 * the model's threads by their {@code <model>-} name prefix, and the live objects of each class.
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

    /**
     * What the live objects are, after the full collection that counting them makes (the
     * {@code GC.class_histogram} diagnostic command, as {@code jcmd} runs it). Kept as the command's
     * text, one string, so that holding a count does not itself add to the next.
     */
    static ClassHistogram liveObjects() {
        try {
            return new ClassHistogram((String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()}));
        } catch (JMException e) {
            throw new IllegalStateException("cannot count the live objects: " + e.getMessage(), e);
        }
    }

    /** A class histogram's text. */
    record ClassHistogram(String text) {

        /** The number of live objects of each class. */
        Map<String, Long> countsByClass() {
            Map<String, Long> counts = new HashMap<>();
            for (String line : text.lines().toList()) {
                // "   1:   12345   678900  java.lang.String (java.base@25)"
                String[] words = line.strip().split("\\s+");
                if (words.length >= 4 && words[0].endsWith(":")) {
                    counts.merge(words[3], Long.parseLong(words[1]), Long::sum);
                }
            }
            return counts;
        }
    }
}
