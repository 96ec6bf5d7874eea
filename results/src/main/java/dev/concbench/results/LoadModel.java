package dev.concbench.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the load client offered requests; written in lower case. */
public enum LoadModel {
    /**
     * A fixed number of connections, each sending its next request when the previous answer
     * arrived (like wrk). Latency is measured from the actual send time only.
     */
    @JsonProperty("closed") CLOSED,
    /**
     * A fixed request rate; latency is also measured from each request's intended send time,
     * which corrects coordinated omission (like wrk2).
     */
    @JsonProperty("open") OPEN
}
