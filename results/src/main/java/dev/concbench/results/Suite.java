package dev.concbench.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The benchmark suite a run executed; written in lower case. */
public enum Suite {
    /** A few minutes, for CI. */
    @JsonProperty("smoke") SMOKE,
    /** The default. */
    @JsonProperty("quick") QUICK,
    /** The whole matrix. */
    @JsonProperty("full") FULL;

    /** The name as written in result files and typed on the command line. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
