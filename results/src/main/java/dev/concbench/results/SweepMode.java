package dev.concbench.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a sweep chose its rates; written in lower case. */
public enum SweepMode {
    /** A bracket search for the capacity: rates grow geometrically to a failure, then bisect. */
    @JsonProperty("search") SEARCH,
    /** A fixed ladder of rates, low to past saturation, for the latency curve. */
    @JsonProperty("curve") CURVE
}
