package dev.concbench.client;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Errors by kind, with the first message seen of each kind for diagnosis.
 *
 * @param counts        the count of every kind (kinds missing from the given map count zero)
 * @param firstMessages the first error message seen of each kind that occurred, during the warm-up
 *                      too (where errors are not counted): for diagnosis
 */
public record ErrorCounts(Map<ErrorKind, Long> counts, Map<ErrorKind, String> firstMessages) {

    public ErrorCounts {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(firstMessages, "firstMessages");
        EnumMap<ErrorKind, Long> all = new EnumMap<>(ErrorKind.class);
        for (ErrorKind kind : ErrorKind.values()) {
            long count = counts.getOrDefault(kind, 0L);
            if (count < 0) {
                throw new IllegalArgumentException("negative count for " + kind);
            }
            all.put(kind, count);
        }
        counts = Collections.unmodifiableMap(all);
        firstMessages = firstMessages.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(firstMessages));
    }

    public static ErrorCounts none() {
        return new ErrorCounts(Map.of(), Map.of());
    }

    public long count(ErrorKind kind) {
        return counts.get(kind);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public Optional<String> firstMessage(ErrorKind kind) {
        return Optional.ofNullable(firstMessages.get(kind));
    }

    /** These counts as the result file writes them. */
    public dev.concbench.results.ErrorCounts toResult() {
        return toResult(counts);
    }

    /**
     * Counts by kind as the result file writes them; a kind missing from the map counts zero. Every
     * kind has its field: a new kind does not compile until it has one.
     */
    public static dev.concbench.results.ErrorCounts toResult(Map<ErrorKind, Long> byKind) {
        long[] counts = new long[7];
        byKind.forEach((kind, count) -> counts[switch (kind) {
            case CONNECT -> 0;
            case READ -> 1;
            case WRITE -> 2;
            case TIMEOUT -> 3;
            case STATUS -> 4;
            case BODY -> 5;
            case MALFORMED -> 6;
        }] += count);
        return new dev.concbench.results.ErrorCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
                counts[6]);
    }
}
