package dev.concbench.bench.server;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two lines {@code concbench-servers} prints for a parent process:
 * <pre>
 * concbench: model pool listening on http://127.0.0.1:40123 (threads: 4) transport=nio
 * concbench: model pool stopped spawned=0
 * </pre>
 * The part in parentheses becomes {@code workers=4} and {@code workersMeaning=threads}; every
 * {@code key=value} word becomes an entry, a value in double quotes may hold spaces.
 */
final class ServerLines {

    private static final Pattern LISTENING = Pattern.compile(
            "concbench: model (\\S+) listening on http://(\\[[^\\]]+\\]|[^:\\s]+):(\\d+)(?: \\(([^:)]+): (\\d+)\\))?(.*)");
    private static final Pattern STOPPED = Pattern.compile("concbench: model (\\S+) stopped(.*)");
    /** {@code key=value} or {@code key="a value, \" and \\ escaped"}. */
    private static final Pattern FACT = Pattern.compile("([^\\s=]+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S*))");

    private ServerLines() {
    }

    /** The listening line's content. */
    record Listening(String model, InetSocketAddress address, SortedMap<String, String> info) {
    }

    static Optional<Listening> listening(String line) {
        Matcher m = LISTENING.matcher(line.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String host = m.group(2);
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        TreeMap<String, String> info = new TreeMap<>(keyValues(m.group(6)));
        if (m.group(4) != null) {
            info.put("workersMeaning", m.group(4));
            info.put("workers", m.group(5));
        }
        InetSocketAddress address = new InetSocketAddress(host, Integer.parseInt(m.group(3)));
        return Optional.of(new Listening(m.group(1), address, Collections.unmodifiableSortedMap(info)));
    }

    /** The stopped line's facts, when the line is one. */
    static Optional<SortedMap<String, String>> stopped(String line) {
        Matcher m = STOPPED.matcher(line.strip());
        return m.matches() ? Optional.of(keyValues(m.group(2))) : Optional.empty();
    }

    private static SortedMap<String, String> keyValues(String text) {
        TreeMap<String, String> map = new TreeMap<>();
        Matcher m = FACT.matcher(text);
        while (m.find()) {
            String value = m.group(2) != null ? m.group(2).replaceAll("\\\\(.)", "$1") : m.group(3);
            map.put(m.group(1), value);
        }
        return Collections.unmodifiableSortedMap(map);
    }

    static Map<String, String> none() {
        return Collections.unmodifiableSortedMap(new TreeMap<>());
    }
}
