package dev.concbench.bench.server;

import java.util.List;

/**
 * A stand-in for a benchmark JVM, for {@link OrphanTest}: starts a server in its own process,
 * prints the server's pid, then waits to be killed (at most a minute).
 */
public final class OrphanParent {

    private OrphanParent() {
    }

    public static void main(String[] args) throws Exception {
        ServerProcess server = ServerProcess.start(args[0], ServerLaunch.sameJvm(List.of("-Xmx64m")));
        System.out.println("server-pid=" + server.processTree().orElseThrow().pid());
        System.out.flush();
        Thread.sleep(60_000);
        server.close();
    }
}
