package dev.concbench.servers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every model keeps, run against every model the registry finds (a new model gets it
 * for free): the application's answers, keep-alive, pipelining, request bodies, HTTP/1.0, bad
 * requests, misbehaving clients, many clients at once, the read timeout and a clean close.
 *
 * <p>Each case starts its own server on an ephemeral port and talks to it through raw sockets with
 * timeouts. {@link ModelTraits} says which cases a model is exempt from by design.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServerContractTest {

    private static final String MODELS = "dev.concbench.servers.ModelTraits#modelNames";
    private static final String CONCURRENT_MODELS = "dev.concbench.servers.ModelTraits#concurrentModelNames";

    private static final String HELLO = "GET /hello HTTP/1.1\r\nHost: test\r\n\r\n";
    private static final String HELLO_BODY = "Hello, World!";
    private static final int MAX_BYTES = 16 * 1024 * 1024;

    // ------------------------------------------------------------------ the application

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void servesHelloWithTheStandardHeaders(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            RawResponse response = RawConnection.exchange(server.start(), HELLO);

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.reason()).isEqualTo("OK");
            assertThat(response.bodyText()).isEqualTo(HELLO_BODY);
            assertThat(response.header("Content-Type")).startsWith("text/plain");
            assertThat(response.headers("Content-Length")).containsExactly("13");
            assertThat(response.headers("Server")).containsExactly("concbench");
            assertDateIsNow(response);
            assertThat(response.closes()).isEqualTo(ModelTraits.of(model).oneRequestPerConnection());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void servesJson(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            RawResponse response = RawConnection.exchange(server.start(), "GET /json HTTP/1.1\r\nHost: test\r\n\r\n");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).startsWith("application/json");
            JsonNode json = new ObjectMapper().readTree(response.body());
            assertThat(json.size()).isEqualTo(1);
            assertThat(json.get("message").asText()).isEqualTo("Hello, World!");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void servesSleepCpuAndBytes(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();

            long start = System.nanoTime();
            RawResponse sleep = RawConnection.exchange(address, "GET /sleep?ms=150 HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(sleep.status()).isEqualTo(200);
            assertThat(sleep.header("Content-Type")).startsWith("text/plain");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));

            RawResponse cpu = RawConnection.exchange(address, "GET /cpu?us=2000 HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(cpu.status()).isEqualTo(200);
            assertThat(cpu.header("Content-Type")).startsWith("text/plain");

            RawResponse none = RawConnection.exchange(address, "GET /bytes?n=0 HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(none.status()).isEqualTo(200);
            assertThat(none.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(none.body()).isEmpty();

            RawResponse some = RawConnection.exchange(address, "GET /bytes?n=100003 HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(some.status()).isEqualTo(200);
            assertThat(some.body()).hasSize(100_003);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void sendsTheLargestResponseWhole(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            RawResponse response = RawConnection.exchange(server.start(),
                    "GET /bytes?n=" + MAX_BYTES + " HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers("Content-Length")).containsExactly(String.valueOf(MAX_BYTES));
            assertThat(response.body()).hasSize(MAX_BYTES);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void answersBadParametersWith400AndAOneLineReason(String model) throws IOException {
        List<String> targets = List.of("/sleep", "/sleep?ms=", "/sleep?ms=abc", "/sleep?ms=-1", "/sleep?ms=60001",
                "/cpu", "/cpu?us=1.5", "/cpu?us=-1", "/cpu?us=1000001",
                "/bytes", "/bytes?n=x", "/bytes?n=-1", "/bytes?n=" + (MAX_BYTES + 1), "/bytes?n=99999999999999");
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            for (String target : targets) {
                RawResponse response = RawConnection.exchange(address, "GET " + target + " HTTP/1.1\r\nHost: test\r\n\r\n");
                assertThat(response.status()).as("GET %s -> %s", target, response).isEqualTo(400);
                assertOneLineReason(response);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void acceptsTheParameterBounds(String model) throws IOException {
        List<String> targets = List.of("/sleep?ms=0", "/cpu?us=0", "/bytes?n=0", "/bytes?n=1");
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            for (String target : targets) {
                RawResponse response = RawConnection.exchange(address, "GET " + target + " HTTP/1.1\r\nHost: test\r\n\r\n");
                assertThat(response.status()).as("GET %s -> %s", target, response).isEqualTo(200);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void answersUnknownPathsWith404AndWrongMethodsWith405(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();

            RawResponse unknown = RawConnection.exchange(address, "GET /nope HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.reason()).isEqualTo("Not Found");

            RawResponse postHello = RawConnection.exchange(address,
                    "POST /hello HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\n\r\nhi");
            assertThat(postHello.status()).isEqualTo(405);
            assertThat(postHello.reason()).isEqualTo("Method Not Allowed");
            assertThat(postHello.header("Allow")).contains("GET");

            RawResponse getEcho = RawConnection.exchange(address, "GET /echo HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(getEcho.status()).isEqualTo(405);
            assertThat(getEcho.header("Allow")).contains("POST").doesNotContain("GET");

            RawResponse absoluteForm = RawConnection.exchange(address, "GET http://test/hello HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(absoluteForm.bodyText()).as("absolute-form target").isEqualTo(HELLO_BODY);

            RawResponse deleteJson = RawConnection.exchange(address, "DELETE /json HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(deleteJson.status()).isEqualTo(405);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void answersHeadLikeGetWithoutTheBody(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send("HEAD /hello HTTP/1.1\r\nHost: test\r\n\r\n");
            RawResponse head = connection.readResponse(true);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.headers("Content-Length")).containsExactly("13");
            assertThat(head.header("Content-Type")).startsWith("text/plain");

            if (ModelTraits.of(model).oneRequestPerConnection()) {
                assertThat(head.closes()).isTrue();
                connection.awaitClosedByServer(Duration.ofSeconds(5)); // fails if a body follows
            } else {
                // Were a body sent after the head, it would be read as the next status line.
                connection.send(HELLO);
                assertThat(connection.readResponse().bodyText()).isEqualTo(HELLO_BODY);
            }
        }
    }

    // -------------------------------------------------------------- connection handling

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void servesSeveralRequestsOnOneConnection(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            if (ModelTraits.of(model).oneRequestPerConnection()) {
                connection.send(HELLO);
                RawResponse only = connection.readResponse();
                assertThat(only.bodyText()).isEqualTo(HELLO_BODY);
                assertThat(only.closes()).isTrue();
                connection.awaitClosedByServer(Duration.ofSeconds(5));
                return;
            }
            for (int i = 0; i < 5; i++) {
                connection.send(i % 2 == 0 ? HELLO : "GET /bytes?n=" + i + " HTTP/1.1\r\nHost: test\r\n\r\n");
                RawResponse response = connection.readResponse();
                assertThat(response.status()).as("request %d", i + 1).isEqualTo(200);
                assertThat(response.closes()).as("request %d closes", i + 1).isFalse();
                assertThat(response.body()).hasSize(i % 2 == 0 ? HELLO_BODY.length() : i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void answersPipelinedRequestsInOrder(String model) throws IOException {
        // The first takes longest, so a model that answered as work completes would reorder them.
        String pipeline = "GET /sleep?ms=100 HTTP/1.1\r\nHost: test\r\n\r\n"
                + "GET /bytes?n=7 HTTP/1.1\r\nHost: test\r\n\r\n"
                + "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\nContent-Type: text/x-third\r\n\r\nthird";
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send(pipeline);

            RawResponse first = connection.readResponse();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.header("Content-Type")).startsWith("text/plain");
            if (ModelTraits.of(model).oneRequestPerConnection()) {
                assertThat(first.closes()).isTrue();
                connection.awaitClosedByServer(Duration.ofSeconds(5));
                return;
            }
            RawResponse second = connection.readResponse();
            assertThat(second.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(second.body()).hasSize(7);
            RawResponse third = connection.readResponse();
            assertThat(third.header("Content-Type")).isEqualTo("text/x-third");
            assertThat(third.bodyText()).isEqualTo("third");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void answersManyPipelinedRequestsAcrossReadBoundariesInOrder(String model) throws IOException {
        assumeThat(ModelTraits.of(model).oneRequestPerConnection()).as("the model closes after one request").isFalse();
        int requests = 200;
        StringBuilder pipeline = new StringBuilder();
        for (int i = 0; i < requests; i++) {
            // About 200 bytes each, so that requests straddle the boundaries of any read buffer.
            pipeline.append("GET /bytes?n=").append(i).append(" HTTP/1.1\r\nHost: test\r\nX-Padding: ")
                    .append("p".repeat(140 + i % 17)).append("\r\n\r\n");
        }
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send(pipeline.toString());
            for (int i = 0; i < requests; i++) {
                RawResponse response = connection.readResponse();
                assertThat(response.status()).as("response %d", i).isEqualTo(200);
                assertThat(response.body()).as("response %d", i).hasSize(i);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void answersPipelinedRequestsUpToTheOneThatClosesAndNoFurther(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send(HELLO + "GET /json HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n" + HELLO);
            assertThat(connection.readResponse().bodyText()).isEqualTo(HELLO_BODY);
            if (!ModelTraits.of(model).oneRequestPerConnection()) {
                RawResponse closing = connection.readResponse();
                assertThat(closing.header("Content-Type")).startsWith("application/json");
                assertThat(closing.closes()).isTrue();
            }
            connection.awaitClosedByServer(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void answersAClientThatHalfClosesAfterItsRequest(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send("GET /sleep?ms=50 HTTP/1.1\r\nHost: test\r\n\r\n");
            connection.shutdownOutput();
            assertThat(connection.readResponse().status()).isEqualTo(200);
            connection.awaitClosedByServer(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void closesAfterAnHttp11RequestWithConnectionClose(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send("GET /hello HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
            RawResponse response = connection.readResponse();
            assertThat(response.bodyText()).isEqualTo(HELLO_BODY);
            assertThat(response.headers("Connection")).containsExactly("close");
            connection.awaitClosedByServer(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void closesAfterAnHttp10Request(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send("GET /hello HTTP/1.0\r\n\r\n");
            RawResponse response = connection.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo(HELLO_BODY);
            assertThat(response.headers("Connection")).containsExactly("close");
            connection.awaitClosedByServer(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void keepsAnHttp10KeepAliveConnectionOpen(String model) throws IOException {
        String request = "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n";
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send(request);
            RawResponse first = connection.readResponse();
            assertThat(first.bodyText()).isEqualTo(HELLO_BODY);
            if (ModelTraits.of(model).oneRequestPerConnection()) {
                assertThat(first.headers("Connection")).containsExactly("close");
                connection.awaitClosedByServer(Duration.ofSeconds(5));
                return;
            }
            assertThat(first.headers("Connection")).containsExactly("keep-alive");
            connection.send(request);
            RawResponse second = connection.readResponse();
            assertThat(second.bodyText()).isEqualTo(HELLO_BODY);
            assertThat(second.headers("Connection")).containsExactly("keep-alive");
        }
    }

    // ------------------------------------------------------------------------ request bodies

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void echoesABodyWithContentLength(String model) throws IOException {
        String body = "{\"say\":\"hello\"}";
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            RawResponse response = RawConnection.exchange(server.start(), "POST /echo HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("application/json");
            assertThat(response.bodyText()).isEqualTo(body);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void echoesTheLongestContentTypeTheLimitsAllow(String model) throws IOException {
        // Echo copies a request field into the response head: the head must have room for it.
        String head = "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 2\r\nContent-Type: \r\n";
        String type = "text/plain;x=" + "y".repeat(16 * 1024 - head.length() - "text/plain;x=".length());
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            RawResponse response = RawConnection.exchange(address, "POST /echo HTTP/1.1\r\nHost: test\r\n"
                    + "Content-Length: 2\r\nContent-Type: " + type + "\r\n\r\nhi");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo(type);
            assertThat(response.bodyText()).isEqualTo("hi");
            assertThat(RawConnection.exchange(address, HELLO).bodyText()).isEqualTo(HELLO_BODY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void echoesAChunkedBody(String model) throws IOException {
        assumeThat(ModelTraits.of(model).ownHttpRules()).as("its own HTTP code takes no chunked trailers").isFalse();
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            RawResponse response = RawConnection.exchange(server.start(), "POST /echo HTTP/1.1\r\nHost: test\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n"
                    + "5;ext=1\r\nHello\r\n8\r\n, World!\r\n0\r\nX-Trailer: t\r\n\r\n");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Type")).isEqualTo("application/octet-stream");
            assertThat(response.headers("Content-Length")).containsExactly("13");
            assertThat(response.bodyText()).isEqualTo(HELLO_BODY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void echoesTheLargestBodyAllowed(String model) throws IOException {
        byte[] body = new byte[1024 * 1024];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31 + (i >>> 8));
        }
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: " + body.length + "\r\n\r\n");
            connection.send(body);
            RawResponse response = connection.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(body);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void sends100ContinueBeforeReadingAnExpectedBody(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send("POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 13\r\n\r\n");
            RawResponse interim = connection.readResponse();
            assertThat(interim.status()).isEqualTo(100);
            assertThat(interim.reason()).isEqualTo("Continue");

            connection.send(HELLO_BODY);
            RawResponse response = connection.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo(HELLO_BODY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void sends100ContinueOnlyToTheRequestThatAskedForIt(String model) throws IOException {
        assumeThat(ModelTraits.of(model).oneRequestPerConnection()).as("the model closes after one request").isFalse();
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            // The body comes with the head: a 100 Continue is allowed but not needed.
            connection.send("POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello");
            RawResponse response = connection.readResponse();
            if (response.status() == 100) {
                response = connection.readResponse();
            }
            assertThat(response.bodyText()).isEqualTo("hello");

            // The next request arrives in two pieces and has no expectation.
            connection.send("GET /hello HTTP/1.1\r\nHo");
            sleep(Duration.ofMillis(50));
            connection.send("st: test\r\n\r\n");
            RawResponse next = connection.readResponse();
            assertThat(next.status()).as("answer to a GET without Expect: %s", next).isEqualTo(200);
            assertThat(next.bodyText()).isEqualTo(HELLO_BODY);
        }
    }

    // ------------------------------------------------------------------------- bad clients

    /** A request that breaks a rule or a limit, and the status it must get. */
    private record BadRequest(String raw, int status) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void answersBadRequestsWithAnErrorAndCloseAndKeepsServing(String model) throws IOException {
        assumeThat(ModelTraits.of(model).ownHttpRules()).as("its own HTTP code answers bad requests its own way").isFalse();
        List<BadRequest> badRequests = List.of(
                new BadRequest("GET /hello HTTP/1.1\r\nHost : test\r\n\r\n", 400),
                new BadRequest("GET /hello HTTP/1.1\nHost: test\n\n", 400),
                new BadRequest("GET /hello HTTP/1.1\r\n\r\n", 400),
                new BadRequest("HELLO\r\n\r\n", 400),
                new BadRequest("GET /hello HTTP/2.0\r\nHost: test\r\n\r\n", 505),
                new BadRequest("POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
                new BadRequest("POST /echo HTTP/1.1\r\nHost: test\r\nExpect: magic\r\nContent-Length: 1\r\n\r\nx", 417),
                new BadRequest("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 1048577\r\n\r\n", 413),
                // Refused before the body is sent: no 100 Continue first.
                new BadRequest("POST /echo HTTP/1.1\r\nHost: test\r\nExpect: 100-continue\r\n"
                        + "Content-Length: 1048577\r\n\r\n", 413),
                new BadRequest("GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: test\r\n\r\n", 414),
                new BadRequest("GET /hello HTTP/1.1\r\nHost: test\r\n"
                        + ("X-Big: " + "b".repeat(1000) + "\r\n").repeat(17) + "\r\n", 431),
                new BadRequest("GET /hello HTTP/1.1\r\nHost: test\r\n" + "X-F: v\r\n".repeat(101) + "\r\n", 431));
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            for (BadRequest bad : badRequests) {
                try (RawConnection connection = RawConnection.open(address)) {
                    connection.sendToleratingClose(bad.raw());
                    RawResponse response = connection.readResponse();
                    String which = bad.raw().lines().findFirst().orElseThrow();
                    which = which.length() > 60 ? which.substring(0, 60) + "..." : which;
                    assertThat(response.status()).as("%s -> %s", which, response).isEqualTo(bad.status());
                    assertThat(response.headers("Connection")).as(which).containsExactly("close");
                    assertOneLineReason(response);
                    connection.awaitClosedByServer(Duration.ofSeconds(5));
                }
                assertThat(RawConnection.exchange(address, HELLO).bodyText()).isEqualTo(HELLO_BODY);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void answersTheGoodRequestsBeforeABadPipelinedOne(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send(HELLO + "GET /json HTTP/1.1\r\nHost : test\r\n\r\n");
            RawResponse first = connection.readResponse();
            assertThat(first.bodyText()).isEqualTo(HELLO_BODY);
            if (!ModelTraits.of(model).oneRequestPerConnection()) {
                RawResponse second = connection.readResponse();
                assertThat(second.status()).isEqualTo(400);
                assertThat(second.closes()).isTrue();
            }
            connection.awaitClosedByServer(Duration.ofSeconds(5));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void servesARequestThatArrivesInPieces(String model) throws IOException {
        String request = "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nHello\r\n8\r\n, World!\r\n0\r\n\r\n";
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults());
             RawConnection connection = RawConnection.open(server.start())) {
            for (int from = 0; from < request.length(); from += 7) {
                connection.send(request.substring(from, Math.min(request.length(), from + 7)));
                sleep(Duration.ofMillis(5));
            }
            assertThat(connection.readResponse().bodyText()).isEqualTo(HELLO_BODY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void keepsServingAfterAClientResetsMidRequest(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            for (int i = 0; i < 3; i++) {
                RawConnection connection = RawConnection.open(address);
                connection.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 100\r\n\r\nonly part of");
                connection.reset();
                assertThat(RawConnection.exchange(address, HELLO).bodyText()).isEqualTo(HELLO_BODY);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void keepsServingAfterAClientResetsMidResponse(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            RawConnection connection = RawConnection.open(address);
            connection.send("GET /bytes?n=" + MAX_BYTES + " HTTP/1.1\r\nHost: test\r\n\r\n");
            RawResponse head = connection.readResponse(true); // only the head: the body is left unread
            assertThat(head.status()).isEqualTo(200);
            connection.reset();
            assertThat(RawConnection.exchange(address, HELLO).bodyText()).isEqualTo(HELLO_BODY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void keepsServingAfterAClientLeavesWithoutSendingAnything(String model) throws IOException {
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            RawConnection.open(address).close();
            RawConnection.open(address).reset();
            assertThat(RawConnection.exchange(address, HELLO).bodyText()).isEqualTo(HELLO_BODY);
        }
    }

    // ------------------------------------------------------------------------ many clients

    @ParameterizedTest(name = "{0}")
    @MethodSource(CONCURRENT_MODELS)
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void servesAHundredConnectionsAtOnce(String model) throws Exception {
        // Each connection to a model that starts a JVM for it costs a tenth of a second of CPU: a
        // hundred at once, twice, would outlast the clients' read timeout on two cores. Even 32
        // take tens of seconds on two busy cores (a load of 20), so such a model gets three times
        // the patience: a model that does not serve them all at once still never opens the barrier.
        boolean startsAJvm = ModelTraits.of(model).connectionStartsAJvm();
        int clients = startsAJvm ? 32 : 100;
        int patience = startsAJvm ? 3 : 1;
        Duration readTimeout = RawConnection.READ_TIMEOUT.multipliedBy(patience);
        // Every client holds its connection open, answered once, until all have been answered
        // once: only a model serving all hundred connections at once lets the barrier open.
        CyclicBarrier allAnsweredOnce = new CyclicBarrier(clients);
        // A model that closes after one request (process) answers the second on a new connection.
        boolean secondOnANewConnection = ModelTraits.of(model).oneRequestPerConnection();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients,
                task -> new Thread(task, "test-client-" + threadNumber.incrementAndGet()));
        try (Server server = ServerModels.byName(model).create(ServerConfig.defaults())) {
            InetSocketAddress address = server.start();
            List<Future<List<RawResponse>>> results = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                results.add(pool.submit(() -> {
                    try (RawConnection connection = RawConnection.open(address, readTimeout)) {
                        connection.send(HELLO);
                        RawResponse first = connection.readResponse();
                        allAnsweredOnce.await(20L * patience, TimeUnit.SECONDS);
                        String second = "GET /bytes?n=" + client + " HTTP/1.1\r\nHost: test\r\n\r\n";
                        if (secondOnANewConnection) {
                            return List.of(first, RawConnection.exchange(address, second, readTimeout));
                        }
                        connection.send(second);
                        return List.of(first, connection.readResponse());
                    }
                }));
            }
            for (int i = 0; i < clients; i++) {
                List<RawResponse> answers = results.get(i).get(30L * patience, TimeUnit.SECONDS);
                assertThat(answers.get(0).bodyText()).isEqualTo(HELLO_BODY);
                assertThat(answers.get(1).status()).isEqualTo(200);
                assertThat(answers.get(1).body()).hasSize(i);
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    // ------------------------------------------------------------------------- read timeout

    private static final Duration SHORT_READ_TIMEOUT = Duration.ofMillis(500);

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void closesAConnectionThatSendsNothing(String model) throws IOException {
        assumeThat(ModelTraits.of(model).ownHttpRules()).as("its read timeouts are its own (per JVM, not the config's)").isFalse();
        ServerConfig config = ServerConfig.defaults().withReadTimeout(SHORT_READ_TIMEOUT);
        try (Server server = ServerModels.byName(model).create(config)) {
            InetSocketAddress address = server.start();
            try (RawConnection silent = RawConnection.open(address)) {
                Duration closedAfter = silent.awaitClosedByServer(Duration.ofSeconds(5));
                assertThat(closedAfter).isGreaterThanOrEqualTo(Duration.ofMillis(400));
            }
            assertThat(RawConnection.exchange(address, HELLO).bodyText()).isEqualTo(HELLO_BODY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void closesAConnectionThatStopsInTheMiddleOfARequest(String model) throws IOException {
        assumeThat(ModelTraits.of(model).ownHttpRules()).as("its read timeouts are its own (per JVM, not the config's)").isFalse();
        ServerConfig config = ServerConfig.defaults().withReadTimeout(SHORT_READ_TIMEOUT);
        try (Server server = ServerModels.byName(model).create(config)) {
            InetSocketAddress address = server.start();
            try (RawConnection stalled = RawConnection.open(address)) {
                stalled.send("GET /hello HTTP/1.1\r\nHo");
                assertClosed(stalled, 408, Duration.ofSeconds(5));
            }
            try (RawConnection stalled = RawConnection.open(address)) {
                stalled.send("POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\n\r\nabc");
                assertClosed(stalled, 408, Duration.ofSeconds(5));
            }
            assertThat(RawConnection.exchange(address, HELLO).bodyText()).isEqualTo(HELLO_BODY);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void closesAKeptAliveConnectionThatFallsSilent(String model) throws IOException {
        assumeThat(ModelTraits.of(model).ownHttpRules()).as("its read timeouts are its own (per JVM, not the config's)").isFalse();
        assumeThat(ModelTraits.of(model).oneRequestPerConnection()).as("the model closes after one request").isFalse();
        ServerConfig config = ServerConfig.defaults().withReadTimeout(SHORT_READ_TIMEOUT);
        try (Server server = ServerModels.byName(model).create(config);
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send(HELLO);
            assertThat(connection.readResponse().closes()).isFalse();
            Duration closedAfter = connection.awaitClosedByServer(Duration.ofSeconds(5));
            assertThat(closedAfter).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void keepsABusyConnectionOpenPastTheReadTimeout(String model) throws IOException {
        assumeThat(ModelTraits.of(model).oneRequestPerConnection()).as("the model closes after one request").isFalse();
        // The timeout is on silence, not on the connection's age, nor on the request's duration.
        ServerConfig config = ServerConfig.defaults().withReadTimeout(SHORT_READ_TIMEOUT);
        try (Server server = ServerModels.byName(model).create(config);
             RawConnection connection = RawConnection.open(server.start())) {
            connection.send("GET /sleep?ms=800 HTTP/1.1\r\nHost: test\r\n\r\n");
            assertThat(connection.readResponse().status()).isEqualTo(200);
            for (int i = 0; i < 4; i++) {
                sleep(Duration.ofMillis(150)); // well within the timeout, but longer than it in total
                connection.send(HELLO);
                assertThat(connection.readResponse().bodyText()).isEqualTo(HELLO_BODY);
            }
        }
    }

    // ------------------------------------------------------------------------- lifecycle

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void refusesConnectionsAfterClose(String model) throws IOException {
        Server server = ServerModels.byName(model).create(ServerConfig.defaults());
        InetSocketAddress address;
        try {
            address = server.start();
            assertThat(server.address()).isEqualTo(address);
            assertThat(address.getPort()).isPositive();
            assertThat(RawConnection.exchange(address, HELLO).status()).isEqualTo(200);
        } finally {
            server.close();
        }
        assertThatThrownBy(() -> RawConnection.open(address).close()).isInstanceOf(ConnectException.class);
        server.close(); // idempotent
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void startsOnlyOnce(String model) throws IOException {
        Server server = ServerModels.byName(model).create(ServerConfig.defaults());
        try {
            assertThatThrownBy(server::address).isInstanceOf(IllegalStateException.class);
            server.start();
            assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
            assertThat(RawConnection.exchange(server.address(), HELLO).status()).isEqualTo(200);
        } finally {
            server.close();
        }
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void closesBeforeStartAndCannotStartAfterwards(String model) {
        Server server = ServerModels.byName(model).create(ServerConfig.defaults());
        server.close();
        server.close();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void failsToStartOnAPortInUse(String model) throws IOException {
        try (ServerSocket occupier = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ServerConfig config = ServerConfig.defaults().withPort(occupier.getLocalPort());
            Set<Long> threadsBefore = ProcessResources.liveThreadIds();
            try (Server server = ServerModels.byName(model).create(config)) {
                assertThatThrownBy(server::start).isInstanceOf(IOException.class);
                // A failed start releases what it made.
                assertThat(ProcessResources.modelThreadNames(model, threadsBefore)).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(MODELS)
    void closeAbandonsInFlightRequestsAndOpenConnections(String model) throws Exception {
        Server server = ServerModels.byName(model).create(ServerConfig.defaults());
        ExecutorService closer = Executors.newSingleThreadExecutor(task -> new Thread(task, "test-closer"));
        InetSocketAddress address = server.start();
        // An idle kept-alive connection, served before the sleep starts (an event loop that runs
        // the sleeping handler could not serve it afterwards), and a request sleeping for a minute.
        try (RawConnection idle = ModelTraits.of(model).servesManyConnectionsAtOnce() ? RawConnection.open(address) : null;
             RawConnection sleeping = RawConnection.open(address)) {
            if (idle != null) {
                idle.send(HELLO);
                assertThat(idle.readResponse().status()).isEqualTo(200);
            }
            sleeping.send("GET /sleep?ms=60000 HTTP/1.1\r\nHost: test\r\n\r\n");
            sleep(Duration.ofMillis(200)); // let the server start sleeping

            long start = System.nanoTime();
            closer.submit(server::close).get(10, TimeUnit.SECONDS);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time close() took").isLessThan(Duration.ofSeconds(5));

            assertClosed(sleeping, 503, Duration.ofSeconds(2));
            if (idle != null) {
                idle.awaitClosedByServer(Duration.ofSeconds(2));
            }
        } finally {
            server.close();
            closer.shutdownNow();
        }
    }

    // --------------------------------------------------------------------------- helpers

    /**
     * Closed by the server within {@code within}, with at most a response of {@code allowedStatus}
     * sent first (a stalled request may get 408, a request abandoned by close() 503).
     */
    private static void assertClosed(RawConnection connection, int allowedStatus, Duration within) throws IOException {
        RawResponse response;
        try {
            response = connection.readResponse();
        } catch (EOFException | SocketException closed) {
            return;
        }
        assertThat(response.status()).as("the only answer allowed before the close").isEqualTo(allowedStatus);
        assertThat(response.closes()).isTrue();
        connection.awaitClosedByServer(within);
    }

    private static void assertDateIsNow(RawResponse response) {
        assertThat(response.headers("Date")).hasSize(1);
        ZonedDateTime date = ZonedDateTime.parse(response.header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(response.header("Date")).endsWith(" GMT").matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        assertThat(Duration.between(date, ZonedDateTime.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }

    private static void assertOneLineReason(RawResponse response) {
        assertThat(response.header("Content-Type")).startsWith("text/plain");
        assertThat(response.bodyText()).isNotBlank().doesNotContain("\r").satisfies(
                text -> assertThat(text.strip()).doesNotContain("\n"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
