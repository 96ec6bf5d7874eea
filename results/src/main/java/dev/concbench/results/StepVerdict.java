package dev.concbench.results;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether one step of a rate sweep met the objective, and if not, which side failed it. */
public enum StepVerdict {
    /** The step met every term of the objective. */
    @JsonProperty("pass") PASS,
    /** The server missed the objective (latency, errors or achieved rate) while the client kept up. */
    @JsonProperty("server-failed") SERVER_FAILED,
    /** The client's event loops were saturated: the step measured the client, whatever else it shows. */
    @JsonProperty("client-failed") CLIENT_FAILED
}
