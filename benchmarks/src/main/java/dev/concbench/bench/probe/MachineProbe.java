package dev.concbench.bench.probe;

import dev.concbench.results.MachineInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads what {@link MachineInfo} holds from a Linux file system tree (this machine's, or the
 * server host's as {@link RemoteProbe} fetches it), with fallbacks for other systems: CPU model from {@code proc/cpuinfo}, memory from {@code proc/meminfo}, OS from
 * {@code etc/os-release} (else {@code os.name}), kernel from {@code proc/sys/kernel/osrelease}
 * (else {@code uname -r}, else {@code os.version}). Nothing here fails: what cannot be read is
 * reported as {@code unknown} (or 0 bytes of memory).
 *
 * @param files               reads a file by its path from the root, e.g. {@code proc/cpuinfo}: its
 *                            lines, or none when it cannot be read
 * @param availableProcessors logical CPUs available to the JVM
 * @param osName              {@code os.name}
 * @param osVersion           {@code os.version}
 * @param osArch              {@code os.arch}
 * @param unameRelease        runs {@code uname -r}; may return {@code null}
 */
public record MachineProbe(Function<String, List<String>> files, int availableProcessors, String osName, String osVersion, String osArch,
                    Supplier<String> unameRelease) {

    /** Describes the machine this JVM runs on. */
    public static MachineInfo detect() {
        return system().probe();
    }

    static MachineProbe system() {
        return new MachineProbe(filesUnder(Path.of("/")), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name", "unknown"), System.getProperty("os.version", "unknown"),
                System.getProperty("os.arch", "unknown"), MachineProbe::runUname);
    }

    /** Reads files under this root, e.g. {@code /}; a file that cannot be read has no lines. */
    static Function<String, List<String>> filesUnder(Path root) {
        return relative -> {
            try {
                return Files.readAllLines(root.resolve(relative), StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException unreadable) {
                return List.of();
            }
        };
    }

    MachineInfo probe() {
        String cpuModel = cpuModel();
        long memoryBytes = memoryBytes();
        return new MachineInfo(MachineInfo.fingerprintId(cpuModel, availableProcessors, memoryBytes, osArch),
                cpuModel, availableProcessors, memoryBytes, osArch, os(), kernel());
    }

    private String cpuModel() {
        List<String> lines = lines("proc/cpuinfo");
        for (String key : List.of("model name", "Hardware", "Processor", "cpu model", "cpu")) {
            Optional<String> value = lines.stream()
                    .filter(line -> line.contains(":") && line.substring(0, line.indexOf(':')).strip().equals(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .filter(v -> !v.isEmpty())
                    .findFirst();
            if (value.isPresent()) {
                return value.get().replaceAll("\\s+", " ");
            }
        }
        return "unknown " + osArch + " CPU";
    }

    private long memoryBytes() {
        return lines("proc/meminfo").stream()
                .filter(line -> line.startsWith("MemTotal:"))
                .map(line -> line.substring("MemTotal:".length()).strip().split("\\s+"))
                .mapToLong(parts -> {
                    try {
                        long value = Long.parseLong(parts[0]);
                        return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
                    } catch (NumberFormatException garbled) {
                        return 0;
                    }
                })
                .findFirst().orElse(0);
    }

    private String os() {
        return lines("etc/os-release").stream()
                .filter(line -> line.startsWith("PRETTY_NAME="))
                .map(line -> line.substring("PRETTY_NAME=".length()).strip().replaceAll("^\"|\"$", ""))
                .filter(name -> !name.isBlank())
                .findFirst()
                .orElse(osName);
    }

    private String kernel() {
        List<String> release = lines("proc/sys/kernel/osrelease");
        if (!release.isEmpty() && !release.getFirst().isBlank()) {
            return release.getFirst().strip();
        }
        String uname = unameRelease.get();
        return uname != null && !uname.isBlank() ? uname.strip() : osVersion;
    }

    private List<String> lines(String relative) {
        return files.apply(relative);
    }

    private static String runUname() {
        Process process = null;
        try {
            process = new ProcessBuilder("uname", "-r").redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output;
            try (var in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            return process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0
                    ? new String(output, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException unavailable) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            if (process != null) {
                process.destroy();
            }
        }
    }
}
