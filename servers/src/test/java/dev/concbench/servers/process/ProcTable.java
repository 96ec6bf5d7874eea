package dev.concbench.servers.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** What {@code /proc} says about processes and descriptors, for tests of the process models. */
public final class ProcTable {

    private static final Path PROC = Path.of("/proc");

    private ProcTable() {
    }

    /** How many descriptors this JVM has open. */
    public static int openDescriptors() {
        try (Stream<Path> descriptors = Files.list(PROC.resolve("self/fd"))) {
            return Math.toIntExact(descriptors.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The pids whose parent is {@code parent}, zombies included. */
    public static List<Long> childrenOf(long parent) {
        List<Long> children = new ArrayList<>();
        for (long pid : pids()) {
            String stat = read(PROC.resolve(pid + "/stat"));
            if (stat != null && parentIn(stat) == parent) {
                children.add(pid);
            }
        }
        return children;
    }

    /** The pids whose command line has {@code argument} as one of its arguments. */
    public static List<Long> withArgument(String argument) {
        List<Long> matching = new ArrayList<>();
        for (long pid : pids()) {
            String commandLine = read(PROC.resolve(pid + "/cmdline"));
            if (commandLine != null && List.of(commandLine.split("\0")).contains(argument)) {
                matching.add(pid);
            }
        }
        return matching;
    }

    /** The pids whose command line has {@code text} anywhere in it. */
    public static List<Long> withCommandLineContaining(String text) {
        List<Long> matching = new ArrayList<>();
        for (long pid : pids()) {
            String commandLine = read(PROC.resolve(pid + "/cmdline"));
            if (commandLine != null && commandLine.contains(text)) {
                matching.add(pid);
            }
        }
        return matching;
    }

    /** The {@code socket:[inode]} targets of the process's descriptors. */
    public static Set<String> sockets(long pid) {
        Set<String> sockets = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(PROC.resolve(pid + "/fd"))) {
            for (Path descriptor : descriptors.toList()) {
                String target = link(descriptor);
                if (target != null && target.startsWith("socket:")) {
                    sockets.add(target);
                }
            }
        } catch (NoSuchFileException gone) {
            return Set.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sockets;
    }

    /** Where descriptor {@code number} of the process points, or null if it is not open. */
    public static String descriptor(long pid, int number) {
        return link(PROC.resolve(pid + "/fd/" + number));
    }

    /** Whether the process exists and is not a zombie (a zombie has ended, and waits to be reaped). */
    public static boolean running(long pid) {
        String stat = read(PROC.resolve(pid + "/stat"));
        return stat != null && stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    }

    /** The process's command line, its arguments separated by spaces; empty if it is gone. */
    public static String commandLine(long pid) {
        String commandLine = read(PROC.resolve(pid + "/cmdline"));
        return commandLine == null ? "" : commandLine.replace('\0', ' ').trim();
    }

    /** Polls until {@code condition} holds or {@code timeoutMillis} pass; returns whether it held. */
    public static boolean await(BooleanSupplier condition, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static List<Long> pids() {
        try (Stream<Path> entries = Files.list(PROC)) {
            return entries.map(entry -> entry.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ppid in a {@code /proc/<pid>/stat} line: the second field after the command in parentheses. */
    private static long parentIn(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[1]);
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException gone) {
            return null; // the process ended meanwhile
        }
    }

    private static String link(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException closed) {
            return null;
        }
    }
}
