package dev.concbench.servers.jdk;

import dev.concbench.servers.jdk.JdkServer.Dispatch;

/** Registers {@link JdkServer} with a virtual thread per exchange as {@code jdk-virtual}. */
public final class JdkVirtualModel extends JdkModel {

    public JdkVirtualModel() {
        super("jdk-virtual", Dispatch.VIRTUAL, "the reference: the JDK's HttpServer, a virtual thread per exchange");
    }
}
