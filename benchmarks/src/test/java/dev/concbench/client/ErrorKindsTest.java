package dev.concbench.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.client.testing.NettyLeakCheck;
import dev.concbench.client.testing.ScriptedServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every error kind, produced by a scripted fault, counted as that kind and never as a success. */
@ExtendWith(NettyLeakCheck.class)
class ErrorKindsTest {

    private static final int REQUESTS = 5;

    private static LoadClient client;

    @BeforeAll
    static void startClient() {
        client = LoadClient.create(1);
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void refusedConnectionsAreConnectErrorsAndTheConnectionGivesUp() throws Exception {
        InetSocketAddress closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = (InetSocketAddress) socket.getLocalSocketAddress();
        }
        LoadSpec spec = LoadSpec.closedLoop(closedPort, 2, Duration.ofSeconds(10)).withMaxConsecutiveFailures(3);

        long started = System.nanoTime();
        LoadResult result = client.run(spec);

        assertOnly(result, ErrorKind.CONNECT, 6); // 2 connections x 3 attempts
        assertThat(result.errors().firstMessage(ErrorKind.CONNECT)).hasValueSatisfying(
                message -> assertThat(message).containsIgnoringCase("refused"));
        assertThat(result.fairness().starved()).isEqualTo(2);
        assertThat(result.fairness().gaveUp()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("gave up without waiting for the end")
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aResetInTheMiddleOfTheResponseIsAReadError() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\nContent-Le");
            Thread.sleep(20);
            connection.reset();
        })) {
            assertOnly(client.run(counted(server)), ErrorKind.READ, REQUESTS);
        }
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            connection.readRequest();
            connection.readRequest(); // blocks until the client gives up and closes
        })) {
            LoadResult result = client.run(counted(server).withRequestTimeout(Duration.ofMillis(200)));

            assertOnly(result, ErrorKind.TIMEOUT, REQUESTS);
            assertThat(result.fairness().longestWait()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
    }

    @Test
    void anUnexpectedStatusIsAStatusError() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            while (connection.readRequest() != null) {
                connection.write("HTTP/1.1 500 Internal Server Error\r\nContent-Length: 5\r\n\r\noops!");
            }
        })) {
            LoadResult result = client.run(counted(server));

            assertOnly(result, ErrorKind.STATUS, REQUESTS);
            assertThat(result.fairness().starved()).as("an error response is still an answer").isZero();
            assertThat(server.connectionsAccepted()).as("a well-framed error keeps the connection").isEqualTo(1);
        }
    }

    @Test
    void aBodyCutShortByTheServerClosingIsABodyError() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            connection.readRequest();
            connection.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b");
            Thread.sleep(20);
            connection.close();
        })) {
            assertOnly(client.run(counted(server)), ErrorKind.BODY, REQUESTS);
        }
    }

    @Test
    void aBodyOtherThanTheExpectedOneIsABodyError() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(ScriptedServer.keepAlive("Hello, Mars!!"))) {
            LoadSpec spec = counted(server).withCheck(ResponseCheck.status(200).withBody("Hello, World!".getBytes()));

            LoadResult result = client.run(spec);

            assertOnly(result, ErrorKind.BODY, REQUESTS);
            assertThat(result.errors().firstMessage(ErrorKind.BODY)).hasValueSatisfying(
                    message -> assertThat(message).contains("CRC32C"));
        }
    }

    @Test
    void aConnectionLostWhileTheRequestIsStillBeingSentIsAWriteError() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            connection.readSome(); // the first of the request's pieces
            connection.reset();
        })) {
            LoadSpec spec = counted(server).withSlowSend(new SlowSend(4, Duration.ofMillis(50)));

            assertOnly(client.run(spec), ErrorKind.WRITE, REQUESTS);
        }
    }

    @Test
    void anAnswerBeforeTheRequestIsCompleteIsCountedAndTheConnectionNotReused() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            connection.readSome(); // the first piece only
            connection.write("HTTP/1.1 413 Content Too Large\r\nContent-Length: 0\r\n\r\n");
            while (connection.readSome() > 0) {
                // drain until the client lets go of the connection
            }
        })) {
            LoadSpec spec = counted(server).withSlowSend(new SlowSend(4, Duration.ofMillis(50)));

            assertOnly(client.run(spec), ErrorKind.STATUS, REQUESTS);
            assertThat(server.connectionsAccepted()).isEqualTo(REQUESTS);
        }
    }

    @Test
    void garbageInsteadOfAResponseIsMalformed() throws Exception {
        try (ScriptedServer server = ScriptedServer.start(connection -> {
            while (connection.readRequest() != null) {
                connection.write("HTTP/1.1 2x0 OK\r\n\r\n");
            }
        })) {
            assertOnly(client.run(counted(server)), ErrorKind.MALFORMED, REQUESTS);
        }
    }

    private static LoadSpec counted(ScriptedServer server) {
        return LoadSpec.closedLoop(server.address(), 1, Duration.ofSeconds(1))
                .withLength(RunLength.requests(REQUESTS))
                .withMaxConsecutiveFailures(REQUESTS + 1);
    }

    private static void assertOnly(LoadResult result, ErrorKind kind, long count) {
        assertThat(result.requests()).as("successes").isZero();
        assertThat(result.latency().count()).as("latencies recorded").isZero();
        assertThat(result.errors().count(kind)).as(kind + " errors").isEqualTo(count);
        Set<ErrorKind> others = EnumSet.complementOf(EnumSet.of(kind));
        for (ErrorKind other : others) {
            assertThat(result.errors().count(other)).as(other + " errors").isZero();
        }
        assertThat(result.flags()).contains(LoadResult.Flag.ERRORS);
        assertThat(client.openConnections()).isZero();
    }
}
