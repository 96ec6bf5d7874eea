import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;

/**
 * What one platform thread costs to start and end on this machine, in wall time and in process CPU
 * (the figure the close scenario charges to the thread-per-connection model once per request),
 * next to a virtual thread for scale. Three rounds of 10,000 start-and-join each.
 *
 *   java scripts/yardstick/ThreadStart.java
 */
public class ThreadStart {
    public static void main(String[] args) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int n = 10_000;
        for (String kind : new String[] {"platform", "virtual"}) {
            for (int round = 0; round < 3; round++) {
                long cpu = os.getProcessCpuTime();
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    Thread thread = kind.equals("platform") ? Thread.ofPlatform().start(() -> { }) : Thread.ofVirtual().start(() -> { });
                    thread.join();
                }
                System.out.printf("%-8s thread start+join: %6.1f us wall, %6.1f us CPU%n", kind,
                        (System.nanoTime() - start) / 1e3 / n, (os.getProcessCpuTime() - cpu) / 1e3 / n);
            }
        }
    }
}
