package dev.concbench.bench.suite;

import dev.concbench.bench.HarnessSettings;
import dev.concbench.bench.server.RunningServer;
import dev.concbench.bench.server.ServerLaunch;
import dev.concbench.bench.server.SshLauncher;
import dev.concbench.bench.server.SshTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * For {@link TwoHostsTest}, run in its client namespace: starts one server on the server host
 * through {@link SshLauncher}, with each stop step bounded by half a second, stops it, and prints
 * {@code stopped in N ms}.
 *
 * <pre>StopOverSsh DESTINATION SSH_OPTIONS SERVER_JAVA SERVER_DIR CLASS_PATH</pre>
 */
final class StopOverSsh {

    static final Duration STOP_STEP = Duration.ofMillis(500);

    private StopOverSsh() {
    }

    public static void main(String[] args) {
        SshTarget target = new SshTarget(args[0], HarnessSettings.words(args[1]), args[2], args[3], null);
        ServerLaunch launch = new ServerLaunch(Path.of("java"), List.of(), args[4], null, Duration.ofSeconds(60),
                STOP_STEP);
        RunningServer server;
        try {
            server = new SshLauncher(target, launch).start("pool");
        } catch (Exception e) {
            System.out.println("not started: " + e.getMessage());
            System.exit(1);
            return;
        }
        long start = System.nanoTime();
        server.close();
        System.out.println("stopped in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
    }
}
