package dev.concbench.servers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a running server reports about itself ({@link Server#report()}): named figures, each
 * {@code null} where the model has no such figure. Each model fills its own, through the factory
 * named for it; {@link #NONE} has none.
 *
 * <h2>As words</h2>
 * {@code concbench-servers} prints a report after its listening and stopped lines as
 * {@code name=value} words ({@link #words()}), and a parent process reads them back with
 * {@link #parseWords(String)}. A name is the component's name, a value its
 * {@code String.valueOf}, in double quotes (with {@code "} and {@code \} escaped by {@code \})
 * when it is empty or holds a space or a quote. Reading, a word whose name is no figure's (a
 * server of another version) is left out, and a value that does not fit its figure is refused.
 *
 * @param transport           the I/O transport chosen ({@code netty}, {@code netty-iouring}):
 *                            {@code epoll}, {@code nio} or {@code io_uring}
 * @param eventLoops          the selector loops ({@code reactors})
 * @param workers             the worker count ({@code pool}, {@code jdk-pool}, {@code prefork})
 * @param liveWorkers         worker processes alive now ({@code prefork})
 * @param workersSpawned      worker processes spawned so far, replacements included
 *                            ({@code prefork})
 * @param workersReplaced     worker processes that died and were replaced ({@code prefork})
 * @param maxChildren         the cap on live child processes ({@code process})
 * @param childrenSpawned     child processes spawned so far ({@code process})
 * @param liveChildren        child processes alive now ({@code process})
 * @param childrenFailed      children that exited with an error or were killed as hung
 *                            ({@code process})
 * @param spawnToExitMedianMs the median time from a child's spawn to its exit, over every child
 *                            reaped so far; {@code null} before the first ({@code process})
 * @param spawnToExitP99Ms    the 99th percentile of the same
 * @param workerAotCache      whether the worker JVMs start from an AOT cache, and if not why
 *                            ({@code process}, {@code prefork})
 */
public record ServerReport(
        String transport,
        Integer eventLoops,
        Integer workers,
        Integer liveWorkers,
        Long workersSpawned,
        Long workersReplaced,
        Integer maxChildren,
        Long childrenSpawned,
        Integer liveChildren,
        Long childrenFailed,
        Double spawnToExitMedianMs,
        Double spawnToExitP99Ms,
        String workerAotCache) {

    /** No figures: the report of a model that has none. */
    public static final ServerReport NONE =
            new ServerReport(null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** {@code name=value}, or {@code name="a value, \" and \\ escaped"}. */
    private static final Pattern WORD = Pattern.compile("([^\\s=]+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S*))");

    /** A Netty model's report. */
    public static ServerReport transport(String transport) {
        return new ServerReport(transport, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The report of a model with several event loops. */
    public static ServerReport eventLoops(int eventLoops) {
        return new ServerReport(null, eventLoops, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The report of a model with a fixed pool of worker threads. */
    public static ServerReport workers(int workers) {
        return new ServerReport(null, null, workers, null, null, null, null, null, null, null, null, null, null);
    }

    /** The report of a model with a fixed set of worker processes. */
    public static ServerReport workerProcesses(int workers, int live, long spawned, long replaced, String aotCache) {
        return new ServerReport(null, null, workers, live, spawned, replaced, null, null, null, null, null, null,
                aotCache);
    }

    /** The report of a model with a child process per connection. */
    public static ServerReport childProcesses(int max, long spawned, int live, long failed, Double spawnToExitMedianMs,
                                              Double spawnToExitP99Ms, String aotCache) {
        return new ServerReport(null, null, null, null, null, null, max, spawned, live, failed, spawnToExitMedianMs,
                spawnToExitP99Ms, aotCache);
    }

    /** The figures the model has, by name in the order declared, each as its text. */
    public SequencedMap<String, String> facts() {
        SequencedMap<String, String> facts = new LinkedHashMap<>();
        put(facts, "transport", transport);
        put(facts, "eventLoops", eventLoops);
        put(facts, "workers", workers);
        put(facts, "liveWorkers", liveWorkers);
        put(facts, "workersSpawned", workersSpawned);
        put(facts, "workersReplaced", workersReplaced);
        put(facts, "maxChildren", maxChildren);
        put(facts, "childrenSpawned", childrenSpawned);
        put(facts, "liveChildren", liveChildren);
        put(facts, "childrenFailed", childrenFailed);
        put(facts, "spawnToExitMedianMs", spawnToExitMedianMs);
        put(facts, "spawnToExitP99Ms", spawnToExitP99Ms);
        put(facts, "workerAotCache", workerAotCache);
        return Collections.unmodifiableSequencedMap(facts);
    }

    /**
     * The report with these facts, as {@link #facts()} gives them; other names are left out.
     *
     * @throws IllegalArgumentException for a value that does not fit its figure
     */
    public static ServerReport of(Map<String, String> facts) {
        return new ServerReport(
                facts.get("transport"),
                whole(facts, "eventLoops"),
                whole(facts, "workers"),
                whole(facts, "liveWorkers"),
                count(facts, "workersSpawned"),
                count(facts, "workersReplaced"),
                whole(facts, "maxChildren"),
                count(facts, "childrenSpawned"),
                whole(facts, "liveChildren"),
                count(facts, "childrenFailed"),
                millis(facts, "spawnToExitMedianMs"),
                millis(facts, "spawnToExitP99Ms"),
                facts.get("workerAotCache"));
    }

    /** The figures as {@code name=value} words, separated by a space; empty for {@link #NONE}. */
    public String words() {
        StringJoiner words = new StringJoiner(" ");
        facts().forEach((name, value) -> words.add(name + "=" + quotedIfNeeded(value)));
        return words.toString();
    }

    /**
     * The report in {@code name=value} words, as {@link #words()} writes them; a word whose name is
     * no figure's is left out.
     *
     * @throws IllegalArgumentException for a value that does not fit its figure
     */
    public static ServerReport parseWords(String text) {
        Map<String, String> facts = new LinkedHashMap<>();
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            facts.put(word.group(1), word.group(2) != null ? word.group(2).replaceAll("\\\\(.)", "$1") : word.group(3));
        }
        return of(facts);
    }

    private static void put(Map<String, String> facts, String name, Object value) {
        if (value != null) {
            facts.put(name, String.valueOf(value));
        }
    }

    private static String quotedIfNeeded(String text) {
        if (text.isEmpty() || text.chars().anyMatch(c -> Character.isWhitespace(c) || c == '"')) {
            return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return text;
    }

    private static Integer whole(Map<String, String> facts, String name) {
        Long value = count(facts, name);
        if (value != null && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("server report: " + name + "=" + value + " is out of range");
        }
        return value == null ? null : value.intValue();
    }

    private static Long count(Map<String, String> facts, String name) {
        String text = facts.get(name);
        try {
            return text == null ? null : Long.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server report: " + name + "=" + text + " is not a whole number");
        }
    }

    private static Double millis(Map<String, String> facts, String name) {
        String text = facts.get(name);
        try {
            return text == null ? null : Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("server report: " + name + "=" + text + " is not a number");
        }
    }
}
