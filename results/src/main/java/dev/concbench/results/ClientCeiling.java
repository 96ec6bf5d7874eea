package dev.concbench.results;

/**
 * The most requests per second the load client could drive in this run, measured against the
 * fastest server configuration before the matrix. A result whose throughput comes close to it
 * measures the client, not the server.
 *
 * @param requestsPerSecond the ceiling, in completed requests per second
 * @param model             the server model it was measured against, e.g. {@code netty}
 * @param scenario          the scenario it was measured with, e.g. {@code hello}
 * @param connections       the number of connections it was measured with
 */
public record ClientCeiling(double requestsPerSecond, String model, String scenario, int connections) {

    public ClientCeiling {
        Checks.notNegative(requestsPerSecond, "clientCeiling requestsPerSecond");
        Checks.notBlank(model, "clientCeiling model");
        Checks.notBlank(scenario, "clientCeiling scenario");
        if (connections < 1) {
            throw new IllegalArgumentException("clientCeiling connections must be >= 1, got " + connections);
        }
    }
}
