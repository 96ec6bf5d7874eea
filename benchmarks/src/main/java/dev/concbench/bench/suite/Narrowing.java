package dev.concbench.bench.suite;

import java.util.Arrays;
import java.util.List;

/**
 * What the user narrowed a suite to ({@code -Dbench.models=}, {@code -Dbench.scenarios=},
 * {@code -Dbench.connections=}); an empty list narrows nothing.
 *
 * @param models      model names
 * @param scenarios   scenario labels
 * @param connections connection counts, replacing every scenario's own
 */
public record Narrowing(List<String> models, List<String> scenarios, List<Integer> connections) {

    /** Nothing narrowed: the whole suite. */
    public static final Narrowing NONE = new Narrowing(List.of(), List.of(), List.of());

    public Narrowing {
        models = List.copyOf(models);
        scenarios = List.copyOf(scenarios);
        connections = List.copyOf(connections);
        for (int count : connections) {
            if (count < 1) {
                throw new IllegalArgumentException("connections must be at least 1, not " + count);
            }
        }
    }

    /**
     * Parses comma-separated lists; blank means all.
     *
     * @throws IllegalArgumentException for a connection count that is not a positive whole number
     */
    public static Narrowing parse(String models, String scenarios, String connections) {
        return new Narrowing(words(models), words(scenarios), words(connections).stream().map(word -> {
            try {
                return Integer.parseInt(word);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("connections are whole numbers, not '" + word + "'");
            }
        }).toList());
    }

    private static List<String> words(String list) {
        return list == null ? List.of()
                : Arrays.stream(list.split(",")).map(String::strip).filter(word -> !word.isEmpty()).toList();
    }
}
