package dev.concbench.results;

/**
 * CPUs the server and the load client were restricted to, in {@code taskset -c} list form
 * (e.g. {@code "0-1"} or {@code "2,3"}).
 *
 * @param serverCpus the server's CPU list, or {@code null} when the server was not pinned
 * @param clientCpus the load client's CPU list, or {@code null} when the client was not pinned
 */
public record CpuPinning(String serverCpus, String clientCpus) {

    /** Neither side pinned. */
    public static final CpuPinning NONE = new CpuPinning(null, null);

    public CpuPinning {
        checkList(serverCpus, "serverCpus");
        checkList(clientCpus, "clientCpus");
    }

    private static void checkList(String cpus, String name) {
        if (cpus != null && !cpus.matches("\\d+(-\\d+)?(,\\d+(-\\d+)?)*")) {
            throw new IllegalArgumentException(name + " must be a CPU list like \"0-1,4\", got \"" + cpus + "\"");
        }
    }
}
