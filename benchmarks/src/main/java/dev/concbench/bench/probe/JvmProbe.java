package dev.concbench.bench.probe;

import dev.concbench.results.JvmInfo;
import java.lang.management.ManagementFactory;

/** Describes the JVM this code runs in, for a result file's environment. */
public final class JvmProbe {

    private JvmProbe() {
    }

    /** Its {@code java.runtime.version}, {@code java.vm.vendor} and input arguments. */
    public static JvmInfo current() {
        return new JvmInfo(
                System.getProperty("java.runtime.version", System.getProperty("java.version")),
                System.getProperty("java.vm.vendor", "unknown"),
                ManagementFactory.getRuntimeMXBean().getInputArguments());
    }
}
