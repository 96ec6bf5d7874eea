package dev.concbench.servers.jdk;

import dev.concbench.servers.jdk.JdkServer.Dispatch;

/** Registers {@link JdkServer} with a fixed pool of platform threads as {@code jdk-pool}. */
public final class JdkPoolModel extends JdkModel {

    public JdkPoolModel() {
        super("jdk-pool", Dispatch.POOL, "the reference: the JDK's HttpServer, handlers on a fixed pool of platform threads");
    }
}
