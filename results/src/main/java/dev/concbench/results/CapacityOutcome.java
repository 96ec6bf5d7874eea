package dev.concbench.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a capacity search ended; written in lower case with hyphens. */
public enum CapacityOutcome {
    /** A rate that met the objective and a higher one that did not, within the search's resolution. */
    @JsonProperty("bracketed") BRACKETED,
    /**
     * The client, not the server, failed the step above the last one met: the server's capacity is
     * at least the last passing rate, and this machine cannot tell more.
     */
    @JsonProperty("client-limited") CLIENT_LIMITED,
    /** The server missed the objective at the lowest rate offered: its capacity is below it. */
    @JsonProperty("failed-at-lowest") FAILED_AT_LOWEST,
    /**
     * No bracket within the resolution: the highest rate offered still met the objective, or the
     * steps ran out, or the trial failed. The reason says which.
     */
    @JsonProperty("inconclusive") INCONCLUSIVE;

    /** The label as written in result files and shown in reports, e.g. {@code client-limited}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
