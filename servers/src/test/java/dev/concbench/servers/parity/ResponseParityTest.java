package dev.concbench.servers.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.ModelTraits;
import dev.concbench.servers.Server;
import dev.concbench.servers.ServerConfig;
import dev.concbench.servers.ServerModel;
import dev.concbench.servers.ServerModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model answers the same request with the same bytes: status line, headers in the same
 * order with the same values, and body; only the {@code Date} value may differ (it is checked for
 * form, then masked). The exchanges cover the application's endpoints, HEAD, HTTP/1.0, the codec's
 * limits and the requests it rejects.
 *
 * <p>Two differences are legitimate and checked as such: a model that serves one request per
 * connection ({@code iterative}, {@code process}) answers a keep-alive request exactly like the
 * others but with {@code Connection: close}. The Netty reference has no exemption: its decoder's
 * rejections and its {@code 100 Continue} must match our codec's byte for byte.
 *
 * <p>A model that keeps other HTTP code's rules ({@link ModelTraits#ownHttpRules()}: the JDK's
 * server) is held to the application's answers only: the same status line, body and header values,
 * compared with header names in lower case and in sorted order (the JDK writes {@code Content-type}
 * and {@code Content-length}, in its own order), without the {@code Keep-Alive} header it adds to
 * an HTTP/1.0 keep-alive answer. The requests our codec rejects, chunked trailers (which the JDK
 * does not take: it closes the connection), and the {@code 100 Continue} exchanges are its own
 * business and not compared.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResponseParityTest {

    private static final String NETTY = "netty";
    private static final Pattern DATE = Pattern.compile("\r\nDate: ([^\r]*)\r\n");
    private static final Pattern IMF_FIXDATE =
            Pattern.compile("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) "
                    + "\\d{4} \\d\\d:\\d\\d:\\d\\d GMT");

    private final Map<String, Server> servers = new LinkedHashMap<>();

    /**
     * One request and the status every model must answer it with.
     *
     * @param codecRules whether our codec's rules decide the answer: a request it rejects before the
     *                   application sees it, or a framing feature (chunked trailers) that other HTTP
     *                   code may not have
     */
    record Exchange(String name, String request, int status, boolean codecRules) {

        static Exchange of(String name, String request, int status) {
            return new Exchange(name, request, status, false);
        }

        static Exchange byCodecRules(String name, String request, int status) {
            return new Exchange(name, request, status, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @BeforeAll
    void startEveryModel() throws IOException {
        for (ServerModel model : ServerModels.all()) {
            if (model.unavailableReason().isPresent()) {
                continue; // netty-iouring where the kernel refuses io_uring
            }
            Server server = model.create(ServerConfig.defaults());
            servers.put(model.name(), server);
            server.start();
        }
        assertThat(servers).containsKeys("iterative", "thread", "pool", "virtual", "selector", NETTY);
    }

    @AfterAll
    void closeEveryModel() {
        servers.values().forEach(Server::close);
    }

    static Stream<Exchange> closingExchanges() {
        String close = "Connection: close\r\n";
        return Stream.of(
                Exchange.of("hello", get("/hello") + close + "\r\n", 200),
                Exchange.of("json", get("/json") + close + "\r\n", 200),
                Exchange.of("1 MiB of bytes", get("/bytes?n=1048576") + close + "\r\n", 200),
                Exchange.of("no bytes", get("/bytes?n=0") + close + "\r\n", 200),
                Exchange.of("echo, Content-Length", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: text/x-test\r\n"
                        + "Content-Length: 11\r\n" + close + "\r\nhello there", 200),
                Exchange.byCodecRules("echo, chunked", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n" + close
                        + "\r\n5\r\nhello\r\n6;ext=1\r\n there\r\n0\r\nTrailer: x\r\n\r\n", 200),
                Exchange.of("echo, empty", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n" + close + "\r\n",
                        200),
                Exchange.of("absolute-form target", "GET http://x/bytes?n=3 HTTP/1.1\r\nHost: x\r\n" + close + "\r\n",
                        200),
                Exchange.of("404", get("/nowhere?a=b") + close + "\r\n", 404),
                Exchange.of("405 with Allow", "DELETE /hello HTTP/1.1\r\nHost: x\r\n" + close + "\r\n", 405),
                Exchange.of("405 on echo", get("/echo") + close + "\r\n", 405),
                Exchange.of("HEAD", "HEAD /hello HTTP/1.1\r\nHost: x\r\n" + close + "\r\n", 200),
                Exchange.of("HEAD of bytes", "HEAD /bytes?n=100 HTTP/1.1\r\nHost: x\r\n" + close + "\r\n", 200),
                Exchange.of("bad parameter", get("/bytes?n=lots") + close + "\r\n", 400),
                Exchange.of("HTTP/1.0", "GET /hello HTTP/1.0\r\n\r\n", 200),
                Exchange.of("HTTP/1.0 with Host", "GET /json HTTP/1.0\r\nHost: x\r\n\r\n", 200),
                Exchange.byCodecRules("missing Host", "GET /hello HTTP/1.1\r\n" + close + "\r\n", 400),
                Exchange.byCodecRules("two Hosts", get("/hello") + "Host: y\r\n" + close + "\r\n", 400),
                Exchange.byCodecRules("Content-Length and Transfer-Encoding", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Exchange.byCodecRules("Transfer-Encoding in HTTP/1.0", "POST /echo HTTP/1.0\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
                Exchange.byCodecRules("bad Content-Length", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1x\r\n\r\n",
                        400),
                Exchange.byCodecRules("conflicting Content-Lengths", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                        + "Content-Length: 3\r\n\r\nabc", 400),
                Exchange.byCodecRules("unsupported transfer coding", "POST /echo HTTP/1.1\r\nHost: x\r\n"
                        + "Transfer-Encoding: gzip\r\n\r\n", 501),
                Exchange.byCodecRules("unsupported expectation", "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: coffee\r\n"
                        + "Content-Length: 1\r\n\r\nx", 417),
                Exchange.byCodecRules("HTTP/2.0", "GET /hello HTTP/2.0\r\nHost: x\r\n\r\n", 505),
                Exchange.byCodecRules("bare LF", "GET /hello HTTP/1.1\nHost: x\r\n\r\n", 400),
                Exchange.byCodecRules("fragment in target", get("/hello#top") + close + "\r\n", 400),
                Exchange.byCodecRules("unsupported target form", "GET hello HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Exchange.byCodecRules("invalid chunk size", "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                        + "\r\nzz\r\n", 400),
                Exchange.byCodecRules("414", "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
                Exchange.byCodecRules("431", get("/hello") + "X-Big: " + "b".repeat(17_000) + "\r\n\r\n", 431),
                Exchange.byCodecRules("413, declared", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n",
                        413),
                Exchange.byCodecRules("garbage request line", "GARBAGE\r\n\r\n", 400),
                Exchange.byCodecRules("request line of four words", "GET /hello HTTP/1.1 x\r\nHost: x\r\n\r\n", 400),
                Exchange.byCodecRules("invalid method", "G(T /hello HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Exchange.byCodecRules("malformed version", "GET /hello HTTP/1.x\r\nHost: x\r\n\r\n", 400),
                Exchange.byCodecRules("header without colon", get("/hello") + "NoColon\r\n\r\n", 400),
                Exchange.byCodecRules("space before colon", get("/hello") + "Bad : x\r\n\r\n", 400),
                Exchange.byCodecRules("invalid header name", get("/hello") + "B@d: x\r\n\r\n", 400),
                Exchange.byCodecRules("control character in a value", get("/hello") + "X-A: a\u0001b\r\n\r\n", 400),
                Exchange.byCodecRules("bare CR", get("/hello") + "X-A: a\rb\r\n\r\n", 400),
                Exchange.byCodecRules("obs-fold", get("/hello") + "X-Folded: a\r\n b\r\n" + close + "\r\n", 400),
                Exchange.byCodecRules("obs-fold with a tab", get("/hello") + "X-Folded: a\r\n\tb\r\n\r\n", 400),
                Exchange.byCodecRules("obs-fold in the first field", "GET /hello HTTP/1.1\r\n Host: x\r\n\r\n", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closingExchanges")
    void everyModelAnswersWithTheSameBytes(Exchange exchange) throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        for (var entry : servers.entrySet()) {
            if (exchange.codecRules() && ownHttpRules(entry.getKey())) {
                continue;
            }
            try (RawClient client = RawClient.connect(entry.getValue().address())) {
                client.send(exchange.request());
                answers.put(entry.getKey(), maskDate(new String(client.readToEnd(), StandardCharsets.ISO_8859_1)));
            }
        }
        String reference = answers.get("thread");
        assertThat(reference).startsWith("HTTP/1.1 " + exchange.status() + " ")
                .as("every exchange here ends the connection").contains("\r\nConnection: close\r\n");
        answers.forEach((model, answer) -> assertAnswersLike(model, answer, reference));
    }

    private static boolean ownHttpRules(String model) {
        return ModelTraits.of(model).ownHttpRules();
    }

    /** {@code answer} is {@code reference}, or for a model with its own HTTP rules the same answer written its way. */
    private static void assertAnswersLike(String model, String answer, String reference) {
        if (ownHttpRules(model)) {
            assertThat(headerFormAside(answer)).as(model + " answers like thread, header form aside")
                    .isEqualTo(headerFormAside(reference));
        } else {
            assertThat(answer).as(model + " answers like thread").isEqualTo(reference);
        }
    }

    /**
     * The answer with its header names in lower case, its header lines sorted, and no
     * {@code Keep-Alive} line: what is left when the form of the head is set aside.
     */
    private static String headerFormAside(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        String[] lines = answer.substring(0, end).split("\r\n");
        List<String> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).toLowerCase(Locale.ROOT);
            if (!name.equals("keep-alive")) {
                fields.add(name + lines[i].substring(colon));
            }
        }
        fields.sort(null);
        return lines[0] + "\r\n" + String.join("\r\n", fields) + answer.substring(end);
    }

    static Stream<Exchange> keepAliveExchanges() {
        return Stream.of(
                Exchange.of("hello", get("/hello") + "\r\n", 200),
                Exchange.of("json", get("/json") + "\r\n", 200),
                Exchange.of("bytes", get("/bytes?n=100000") + "\r\n", 200),
                Exchange.of("echo", "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc", 200),
                Exchange.of("HEAD", "HEAD /json HTTP/1.1\r\nHost: x\r\n\r\n", 200),
                Exchange.of("404", get("/nowhere") + "\r\n", 404),
                Exchange.of("HTTP/1.0 keep-alive", "GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", 200),
                Exchange.of("HTTP/1.1 keep-alive token", get("/hello") + "Connection: keep-alive\r\n\r\n", 200));
    }

    /**
     * The same request twice on one connection: a keep-alive model answers both alike and keeps the
     * connection; a model that serves one request per connection answers the first with the same
     * bytes but {@code Connection: close}.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("keepAliveExchanges")
    void keepAliveAnswersDifferOnlyWhereAModelClosesAfterOneRequest(Exchange exchange) throws IOException {
        boolean head = exchange.request().startsWith("HEAD");
        Map<String, String> kept = new LinkedHashMap<>();
        Map<String, String> closed = new LinkedHashMap<>();
        for (var entry : servers.entrySet()) {
            try (RawClient client = RawClient.connect(entry.getValue().address())) {
                RawClient.Response first = head ? client.send(exchange.request()).readHead()
                        : client.send(exchange.request()).read();
                if ("close".equals(first.header("Connection"))) {
                    closed.put(entry.getKey(), maskDate(first.text()));
                    assertThat(client.readToEnd()).as(entry.getKey() + " closes after its answer").isEmpty();
                    continue;
                }
                RawClient.Response second = head ? client.send(exchange.request()).readHead()
                        : client.send(exchange.request()).read();
                assertThat(maskDate(second.text())).as(entry.getKey() + ", second answer").isEqualTo(maskDate(first.text()));
                kept.put(entry.getKey(), maskDate(first.text()));
            }
        }
        assertThat(kept).containsKeys("thread", "pool", "virtual", "selector", NETTY);
        assertThat(closed).containsKey("iterative");
        String reference = kept.get("thread");
        assertThat(reference).startsWith("HTTP/1.1 " + exchange.status() + " ");
        kept.forEach((model, answer) -> assertAnswersLike(model, answer, reference));
        closed.forEach((model, answer) ->
                assertThat(answer).as(model + " answers like thread, but closes").isEqualTo(closing(reference)));
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderByEveryKeepAliveModel() throws IOException {
        String pipeline = get("/bytes?n=300000") + "\r\n" + get("/hello") + "\r\n"
                + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nping" + "HEAD /json HTTP/1.1\r\nHost: x\r\n\r\n"
                + get("/json") + "Connection: close\r\n\r\n";
        Map<String, List<String>> answers = pipelinedAnswers(pipeline, "the last answer", false, client -> List.of(
                client.read().text(), client.read().text(), client.read().text(), client.readHead().text(),
                client.read().text()));
        List<String> reference = answers.get("thread");
        assertThat(reference).extracting(answer -> answer.substring(0, 12))
                .containsExactly("HTTP/1.1 200", "HTTP/1.1 200", "HTTP/1.1 200", "HTTP/1.1 200", "HTTP/1.1 200");
        assertThat(reference.get(2)).endsWith("ping");
        answers.forEach((model, responses) -> {
            assertThat(responses).as(model).hasSameSizeAs(reference);
            for (int i = 0; i < responses.size(); i++) {
                assertAnswersLike(model, responses.get(i), reference.get(i));
            }
        });
    }

    /** {@code Expect: 100-continue}, head first: the interim answer comes before the body is sent, then the final one. */
    @Test
    void everyModelAnswersOneHundredContinueAlike() throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        for (var entry : servers.entrySet()) {
            if (ownHttpRules(entry.getKey())) {
                continue; // the JDK's interim answer carries a Content-Length: 0
            }
            try (RawClient client = RawClient.connect(entry.getValue().address())) {
                client.send("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n"
                        + "Connection: close\r\n\r\n");
                RawClient.Response interim = client.read();
                assertThat(interim.head()).as(entry.getKey()).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
                client.send("hello");
                answers.put(entry.getKey(), maskDate(new String(client.readToEnd(), StandardCharsets.ISO_8859_1)));
            }
        }
        String reference = answers.get("thread");
        assertThat(reference).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nhello");
        answers.forEach((model, answer) -> assertThat(answer).as(model).isEqualTo(reference));
    }

    /**
     * {@code Expect: 100-continue} with the body sent along with the head: the client waits for
     * nothing, so no model sends the interim answer, only the final one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("bodiesSentWithTheHead")
    void noModelSendsOneHundredContinueForABodyThatCameWithTheHead(String name, String request) throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        for (var entry : servers.entrySet()) {
            if (ownHttpRules(entry.getKey())) {
                continue; // the JDK sends its interim answer whether or not the body came along
            }
            try (RawClient client = RawClient.connect(entry.getValue().address())) {
                client.send(request);
                answers.put(entry.getKey(), maskDate(new String(client.readToEnd(), StandardCharsets.ISO_8859_1)));
            }
        }
        String reference = answers.get("thread");
        assertThat(reference).startsWith("HTTP/1.1 200 ").endsWith("\r\n\r\nhello");
        answers.forEach((model, answer) -> assertThat(answer).as(model).isEqualTo(reference));
    }

    static Stream<Arguments> bodiesSentWithTheHead() {
        String head = "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n";
        return Stream.of(
                Arguments.of("Content-Length",
                        head + "Content-Length: 5\r\n\r\nhello"),
                Arguments.of("chunked",
                        head + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
    }

    /** Reads a pipeline's answers from one connection. */
    @FunctionalInterface
    private interface AnswerReader {
        List<String> read(RawClient client) throws IOException;
    }

    /**
     * Sends {@code pipeline} on one connection to every model that keeps connections open (but those
     * with their own HTTP rules when it ends in a request our codec rejects) and reads its answers;
     * each model must close the connection after {@code last}. Date masked.
     */
    private Map<String, List<String>> pipelinedAnswers(String pipeline, String last, boolean endsRejected,
                                                       AnswerReader reader) throws IOException {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        for (var entry : servers.entrySet()) {
            if (ModelTraits.of(entry.getKey()).oneRequestPerConnection() || (endsRejected && ownHttpRules(entry.getKey()))) {
                continue;
            }
            try (RawClient client = RawClient.connect(entry.getValue().address())) {
                client.send(pipeline);
                List<String> responses = reader.read(client);
                assertThat(client.readToEnd()).as(entry.getKey() + " closes after " + last).isEmpty();
                answers.put(entry.getKey(), responses.stream().map(ResponseParityTest::maskDate).toList());
            }
        }
        return answers;
    }

    /** An obs-fold in a request pipelined behind good ones: those are answered, it is rejected, alike. */
    @Test
    void obsFoldBehindPipelinedRequestsIsRejectedAlike() throws IOException {
        String pipeline = get("/hello") + "\r\n" + "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nping"
                + get("/hello") + "X-Folded: a\r\n b\r\n\r\n";
        Map<String, List<String>> answers = pipelinedAnswers(pipeline, "the rejection", true,
                client -> List.of(client.read().text(), client.read().text(), client.read().text()));
        List<String> reference = answers.get("thread");
        assertThat(reference).extracting(answer -> answer.substring(0, 12))
                .containsExactly("HTTP/1.1 200", "HTTP/1.1 200", "HTTP/1.1 400");
        assertThat(reference.get(2)).contains("\r\nConnection: close\r\n").endsWith("obsolete line folding");
        answers.forEach((model, responses) -> assertThat(responses).as(model).isEqualTo(reference));
    }

    /** A request hidden behind Content-Length and Transfer-Encoding is never answered. */
    @Test
    void noModelAnswersASmuggledRequest() throws IOException {
        String smuggler = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\n" + get("/json") + "\r\n";
        for (var entry : servers.entrySet()) {
            try (RawClient client = RawClient.connect(entry.getValue().address())) {
                String answer = new String(client.send(smuggler).readToEnd(), StandardCharsets.ISO_8859_1);
                assertThat(answer).as(entry.getKey()).startsWith("HTTP/1.1 400 ");
                assertThat(answer.split("HTTP/1.1 ", -1)).as(entry.getKey() + ": one answer only").hasSize(2);
            }
        }
    }

    private static String get(String target) {
        return "GET " + target + " HTTP/1.1\r\nHost: x\r\n";
    }

    /** Checks the Date header's form and masks its value. */
    private static String maskDate(String answer) {
        Matcher date = DATE.matcher(answer);
        assertThat(date.find()).as("a Date header in " + answer).isTrue();
        assertThat(date.group(1)).matches(IMF_FIXDATE);
        return date.replaceFirst("\r\nDate: <masked>\r\n");
    }

    /** The same answer as a model that closes after it would send. */
    private static String closing(String answer) {
        if (answer.contains("\r\nConnection: keep-alive\r\n")) {
            return answer.replace("\r\nConnection: keep-alive\r\n", "\r\nConnection: close\r\n");
        }
        int end = answer.indexOf("\r\n\r\n");
        return answer.substring(0, end) + "\r\nConnection: close" + answer.substring(end);
    }
}
