package dev.concbench.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The blog's lesson as a behaviour: five clients each ask for {@code /sleep?ms=300} at the same
 * moment. A server that serves one request at a time answers the last of them after five sleeps
 * (1.5 s); a server that serves connections concurrently answers all five after about one sleep.
 * Margins are generous for a noisy two-core machine: at least 1.2 s for the first, under 1.0 s for
 * the second.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BlockingCallLessonTest {

    private static final int CLIENTS = 5;
    private static final Duration SLEEP = Duration.ofMillis(300);
    private static final Duration SERIAL_AT_LEAST = Duration.ofMillis(1_200);
    private static final Duration CONCURRENT_UNDER = Duration.ofMillis(1_000);
    /**
     * For a model that starts a JVM per connection, five of which take seconds to start on two
     * busy cores: a longer sleep, and room for the starts, still well under the 5 s that five
     * one at a time would take.
     */
    private static final Duration JVM_SLEEP = Duration.ofSeconds(1);
    private static final Duration JVM_CONCURRENT_UNDER = Duration.ofMillis(3_500);

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.concbench.servers.ModelTraits#modelNames")
    void aSlowRequestHoldsUpTheOthersOnlyWhereHandlersRunOneAtATime(String model) throws Exception {
        ModelTraits.SlowRequest slowRequest = ModelTraits.of(model).slowRequest();
        assumeThat(slowRequest).as("a fixed expectation for " + model)
                .isNotEqualTo(ModelTraits.SlowRequest.DEPENDS_ON_WORKERS);

        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            // Load the classes on both sides before the clock starts.
            assertThat(RawConnection.exchange(address, ConcurrentClients.sleepRequest(Duration.ZERO)).status())
                    .isEqualTo(200);

            boolean startsAJvm = ModelTraits.of(model).connectionStartsAJvm();
            Duration sleep = startsAJvm ? JVM_SLEEP : SLEEP;
            Duration concurrentUnder = startsAJvm ? JVM_CONCURRENT_UNDER : CONCURRENT_UNDER;
            ConcurrentClients.Timings timings =
                    ConcurrentClients.time(address, CLIENTS, ConcurrentClients.sleepRequest(sleep));

            assertThat(timings.each().getFirst()).as("the quickest answer").isGreaterThanOrEqualTo(sleep);
            if (slowRequest == ModelTraits.SlowRequest.EVERYONE) {
                assertThat(timings.all()).as("%d × %s, one at a time: %s", CLIENTS, sleep, timings.each())
                        .isGreaterThanOrEqualTo(SERIAL_AT_LEAST);
            } else {
                assertThat(timings.all()).as("%d × %s, at once: %s", CLIENTS, sleep, timings.each())
                        .isLessThan(concurrentUnder);
            }
        }
    }
}
