package dev.concbench.servers.workerjvm;

import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.http.HttpLimits;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a worker process needs from its parent's {@link ServerConfig} to serve exactly as the
 * parent would, passed on its command line.
 *
 * @param readTimeout how long a connection may stay silent
 * @param limits      the HTTP parser's limits
 */
public record WorkerSettings(Duration readTimeout, HttpLimits limits) {

    public WorkerSettings {
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(limits, "limits");
    }

    public static WorkerSettings of(ServerConfig config) {
        return new WorkerSettings(config.readTimeout(), config.limits());
    }

    /** The command-line arguments that {@link #parse} reads back. */
    public List<String> toArguments() {
        return List.of(
                "--read-timeout-ms", Long.toString(readTimeout.toMillis()),
                "--limits", limits.maxRequestLineBytes() + "," + limits.maxHeaderBytes() + ","
                        + limits.maxHeaderCount() + "," + limits.maxBodyBytes());
    }

    /**
     * Reads the arguments {@link #toArguments()} wrote.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static WorkerSettings parse(List<String> arguments) {
        if (arguments.size() != 4 || !arguments.get(0).equals("--read-timeout-ms") || !arguments.get(2).equals("--limits")) {
            throw new IllegalArgumentException("expected --read-timeout-ms N --limits LINE,HEADERS,COUNT,BODY, not "
                    + String.join(" ", arguments));
        }
        String[] limits = arguments.get(3).split(",", -1);
        if (limits.length != 4) {
            throw new IllegalArgumentException("--limits takes four numbers, not '" + arguments.get(3) + "'");
        }
        try {
            return new WorkerSettings(Duration.ofMillis(Long.parseLong(arguments.get(1))),
                    new HttpLimits(Integer.parseInt(limits[0]), Integer.parseInt(limits[1]),
                            Integer.parseInt(limits[2]), Integer.parseInt(limits[3])));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage());
        }
    }
}
