package dev.concbench.client.testing;

import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;

/**
 * A Netty leak detector that records every leak it finds, so that a test can fail on it. Netty
 * installs it for every resource type when the JVM runs with
 * {@code -Dio.netty.customResourceLeakDetector=dev.concbench.client.testing.RecordingLeakDetector}
 * (set in the surefire configuration, with the paranoid level that tracks every buffer).
 */
public final class RecordingLeakDetector<T> extends ResourceLeakDetector<T> {

    private static final List<String> LEAKS = new ArrayList<>();

    public RecordingLeakDetector(Class<?> resourceType, int samplingInterval) {
        super(resourceType, samplingInterval);
    }

    /** Whether Netty is using this detector (the surefire configuration is in effect). */
    public static boolean installed() {
        return System.getProperty("io.netty.customResourceLeakDetector", "").equals(RecordingLeakDetector.class.getName());
    }

    /** Returns and forgets the leaks recorded so far. */
    public static List<String> drain() {
        synchronized (LEAKS) {
            List<String> leaks = List.copyOf(LEAKS);
            LEAKS.clear();
            return leaks;
        }
    }

    @Override
    protected boolean needReport() {
        return true;
    }

    @Override
    protected void reportTracedLeak(String resourceType, String records) {
        record("LEAK: " + resourceType + records);
    }

    @Override
    protected void reportUntracedLeak(String resourceType) {
        record("LEAK: " + resourceType + " (untraced)");
    }

    private static void record(String leak) {
        synchronized (LEAKS) {
            LEAKS.add(leak);
        }
    }
}
