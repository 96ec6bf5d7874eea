package dev.concbench.bench.probe;

import dev.concbench.bench.server.ServerHostInfo;
import dev.concbench.bench.server.SshTarget;
import dev.concbench.results.JvmInfo;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Describes the server host over one SSH connection: its {@code java}'s properties
 * ({@code -XshowSettings:properties}) and the files {@link MachineProbe} reads, read there and
 * parsed here as for this machine.
 */
public final class RemoteProbe {

    /** The oldest Java the servers run on. */
    static final int REQUIRED_JAVA = 25;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final List<String> FILES =
            List.of("proc/cpuinfo", "proc/meminfo", "etc/os-release", "proc/sys/kernel/osrelease");
    private static final String SECTION = "--- ";
    private static final Pattern PROPERTY = Pattern.compile("\\s{4}(\\S+) = (.*)");

    private RemoteProbe() {
    }

    /**
     * The server host's machine and JVM.
     *
     * @throws IOException one line naming the host: it cannot be reached (with ssh's message), its
     *                     {@code java} does not run or is older than Java 25
     */
    public static ServerHostInfo probe(SshTarget target) throws IOException {
        StringBuilder command = new StringBuilder(SshTarget.quote(target.java()))
                .append(" -XshowSettings:properties -version 2>&1; echo '" + SECTION + "nproc'; nproc");
        for (String file : FILES) {
            command.append("; echo '").append(SECTION).append(file).append("'; cat /").append(file);
        }
        command.append("; echo '").append(SECTION).append("uname'; uname -r; true");
        Map<String, List<String>> sections = sections(target.run(command.toString(), null, TIMEOUT));
        Map<String, String> properties = properties(sections.getOrDefault("java", List.of()));
        String version = properties.get("java.runtime.version");
        if (version == null) {
            List<String> output = sections.getOrDefault("java", List.of());
            throw new IOException(target + ": " + target.java() + " does not run there ("
                    + (output.isEmpty() ? "no output" : output.getLast().strip()) + "); give the JDK's java"
                    + " there (bench.serverJava)");
        }
        int feature = Integer.parseInt(properties.getOrDefault("java.specification.version", "0").replaceAll("\\D.*", ""));
        if (feature < REQUIRED_JAVA) {
            throw new IOException(target + ": " + target.java() + " there is Java " + version + "; the servers need "
                    + REQUIRED_JAVA + " or newer (bench.serverJava)");
        }
        int cores;
        try {
            cores = Integer.parseInt(sections.getOrDefault("nproc", List.of("1")).getFirst().strip());
        } catch (NumberFormatException | NoSuchElementException e) {
            cores = 1;
        }
        List<String> uname = sections.getOrDefault("uname", List.of());
        var machine = new MachineProbe(relative -> sections.getOrDefault(relative, List.of()), cores,
                properties.getOrDefault("os.name", "unknown"), properties.getOrDefault("os.version", "unknown"),
                properties.getOrDefault("os.arch", "unknown"), () -> uname.isEmpty() ? null : uname.getFirst())
                .probe();
        return new ServerHostInfo(target.destination(), machine,
                new JvmInfo(version, properties.getOrDefault("java.vm.vendor", "unknown"), List.of()));
    }

    /** The output cut at its {@code --- NAME} lines; what comes before the first is {@code java}'s. */
    private static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> sections = new HashMap<>();
        List<String> current = new ArrayList<>();
        sections.put("java", current);
        for (String line : output.lines().toList()) {
            if (line.startsWith(SECTION)) {
                current = new ArrayList<>();
                sections.put(line.substring(SECTION.length()), current);
            } else {
                current.add(line);
            }
        }
        return sections;
    }

    /** {@code -XshowSettings:properties}' lines {@code     name = value} (continuation lines left out). */
    private static Map<String, String> properties(List<String> lines) {
        Map<String, String> properties = new HashMap<>();
        for (String line : lines) {
            Matcher m = PROPERTY.matcher(line);
            if (m.matches()) {
                properties.put(m.group(1), m.group(2).strip());
            }
        }
        return properties;
    }
}
