package dev.concbench.bench.server;

import dev.concbench.servers.ServerReport;
import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two lines {@code concbench-servers} prints for a parent process:
 * <pre>
 * concbench: model pool listening on http://127.0.0.1:40123 (threads: 4) workers=4
 * concbench: model process stopped maxChildren=64 childrenSpawned=12 ...
 * </pre>
 * After the address, the part in parentheses names the model's worker count; the words after it
 * are the server's {@link ServerReport}, read by {@link ServerReport#parseWords(String)}. Over SSH
 * the remote shell announces the server's process id before them, {@code concbench: pid 4242}
 * ({@link #ANNOUNCE_PID}).
 */
final class ServerLines {

    private static final Pattern LISTENING = Pattern.compile(
            "concbench: model (\\S+) listening on http://(\\[[^\\]]+\\]|[^:\\s]+):(\\d+)(?: \\(([^:)]+): (\\d+)\\))?(.*)");
    private static final Pattern STOPPED = Pattern.compile("concbench: model (\\S+) stopped(.*)");
    private static final Pattern PID = Pattern.compile("concbench: pid (\\d+)");

    /**
     * The shell command that announces the shell's process id, which the server then takes over
     * with {@code exec}.
     */
    static final String ANNOUNCE_PID = "echo \"concbench: pid $$\"";

    private ServerLines() {
    }

    /**
     * The listening line's content.
     *
     * @param workersMeaning what the model's worker count counts (e.g. {@code threads}), or null
     *                       when it has none
     * @param workers        the worker count, or null
     */
    record Listening(String model, InetSocketAddress address, String workersMeaning, Integer workers,
                     ServerReport report) {

        /** The server's facts by name, as {@link ServerLines#info} gives them. */
        SortedMap<String, String> info() {
            return ServerLines.info(report, workersMeaning, workers);
        }
    }

    /**
     * The listening line's content, when the line is one.
     *
     * @throws IllegalArgumentException when a figure of its report is malformed
     */
    static Optional<Listening> listening(String line) {
        Matcher m = LISTENING.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(m.group(3)));
        Integer workers = m.group(5) == null ? null : Integer.valueOf(m.group(5));
        return Optional.of(new Listening(m.group(1), address, m.group(4), workers, ServerReport.parseWords(m.group(6))));
    }

    /** The process id a {@link #ANNOUNCE_PID} line announces, when the line is one. */
    static OptionalLong pid(String line) {
        Matcher m = PID.matcher(line.strip());
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }

    /**
     * The stopped line's report, when the line is one.
     *
     * @throws IllegalArgumentException when one of its figures is malformed
     */
    static Optional<ServerReport> stopped(String line) {
        Matcher m = STOPPED.matcher(line.strip());
        return m.matches() ? Optional.of(ServerReport.parseWords(m.group(2))) : Optional.empty();
    }

    /**
     * A started server's facts by name: its report's figures, then {@code workersMeaning} and
     * {@code workers} when the model has a worker count (which then stands for the report's own).
     */
    static SortedMap<String, String> info(ServerReport report, String workersMeaning, Integer workers) {
        TreeMap<String, String> info = new TreeMap<>(report.facts());
        if (workersMeaning != null) {
            info.put("workersMeaning", workersMeaning);
            info.put("workers", Integer.toString(workers));
        }
        return Collections.unmodifiableSortedMap(info);
    }

    /** The report's figures by name, sorted. */
    static SortedMap<String, String> facts(ServerReport report) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(report.facts()));
    }
}
