package dev.concbench.servers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The request parser in memory: a corpus of valid requests fed whole, split at every offset and
 * fed one byte at a time; every rule of RFC 9112 the parser enforces with the status it must
 * answer; every limit at its boundary; pipelining; {@code 100-continue}.
 *
 * <p>Raw requests are written as Java strings and sent as ISO-8859-1, so each char is one byte.
 */
class RequestParserTest {

    // ---------------------------------------------------------------- corpus of valid requests

    /** What one request must parse into; {@code fields} are {@code "Name: value"}, as sent. */
    record Expected(String method, String target, String path, String query, HttpVersion version,
                    List<String> fields, String body, boolean keepAlive) {
    }

    private static Expected get11(String target, String path, String query, List<String> fields, boolean keepAlive) {
        return new Expected("GET", target, path, query, HttpVersion.HTTP_1_1, fields, "", keepAlive);
    }

    /** One wire sample and the requests it must give, in order. */
    record Sample(String name, String raw, List<Expected> requests) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Sample> validSamples() {
        return Stream.of(
                new Sample("simple GET",
                        "GET /hello HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: test/1.0\r\nAccept: */*\r\n\r\n",
                        List.of(get11("/hello", "/hello", "",
                                List.of("Host: localhost:8080", "User-Agent: test/1.0", "Accept: */*"), true))),
                new Sample("HTTP/1.1 with Connection: close",
                        "GET /json HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                        List.of(get11("/json", "/json", "", List.of("Host: a", "Connection: close"), false))),
                new Sample("HTTP/1.1 with Connection: Close (case-insensitive option)",
                        "GET /json HTTP/1.1\r\nHost: a\r\nConnection: Close\r\n\r\n",
                        List.of(get11("/json", "/json", "", List.of("Host: a", "Connection: Close"), false))),
                new Sample("HTTP/1.0 without Host closes",
                        "GET /hello HTTP/1.0\r\n\r\n",
                        List.of(new Expected("GET", "/hello", "/hello", "", HttpVersion.HTTP_1_0,
                                List.of(), "", false))),
                new Sample("HTTP/1.0 keep-alive (as ab sends it)",
                        "GET /hello HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n",
                        List.of(new Expected("GET", "/hello", "/hello", "", HttpVersion.HTTP_1_0,
                                List.of("Connection: Keep-Alive"), "", true))),
                new Sample("POST with Content-Length",
                        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n\r\n"
                                + "Hello, World",
                        List.of(new Expected("POST", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                List.of("Host: a", "Content-Type: text/plain", "Content-Length: 12"),
                                "Hello, World", true))),
                new Sample("POST with Content-Length: 0",
                        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n",
                        List.of(new Expected("POST", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                List.of("Host: a", "Content-Length: 0"), "", true))),
                new Sample("duplicate Content-Length with the same value",
                        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\ncontent-length: 3\r\n\r\nabc",
                        List.of(new Expected("POST", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                List.of("Host: a", "Content-Length: 3", "content-length: 3"), "abc", true))),
                new Sample("Content-Length as a list of one repeated value (RFC 9110 section 8.6)",
                        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 3, 3\r\n\r\nabc",
                        List.of(new Expected("POST", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                List.of("Host: a", "Content-Length: 3, 3"), "abc", true))),
                new Sample("chunked with extensions and trailers",
                        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "5;name=value\r\nHello\r\n"
                                + "7;quoted=\"a;b\";flag\r\n, World\r\n"
                                + "0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n",
                        List.of(new Expected("POST", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                List.of("Host: a", "Transfer-Encoding: chunked"), "Hello, World", true))),
                new Sample("chunked with hex sizes and an empty last chunk",
                        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "1A\r\nabcdefghijklmnopqrstuvwxyz\r\n"
                                + "a\r\n0123456789\r\n"
                                + "000\r\n\r\n",
                        List.of(new Expected("POST", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                List.of("Host: a", "Transfer-Encoding: chunked"),
                                "abcdefghijklmnopqrstuvwxyz0123456789", true))),
                new Sample("Transfer-Encoding: Chunked (coding names are case-insensitive)",
                        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: Chunked\r\n\r\n"
                                + "3\r\nabc\r\n0\r\n\r\n",
                        List.of(new Expected("POST", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                List.of("Host: a", "Transfer-Encoding: Chunked"), "abc", true))),
                new Sample("pipelined GET, POST, GET",
                        "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n"
                                + "POST /echo HTTP/1.1\r\nHost: a\r\ncontent-length: 2\r\n\r\nhi"
                                + "GET /json HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
                        List.of(get11("/hello", "/hello", "", List.of("Host: a"), true),
                                new Expected("POST", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                        List.of("Host: a", "content-length: 2"), "hi", true),
                                get11("/json", "/json", "", List.of("Host: a", "Connection: close"), false))),
                new Sample("pipelined after a chunked body",
                        "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
                                + "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n",
                        List.of(new Expected("POST", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                        List.of("Host: a", "Transfer-Encoding: chunked"), "ok", true),
                                get11("/hello", "/hello", "", List.of("Host: a"), true))),
                new Sample("pipelined with a stray CRLF after a body",
                        "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nhi\r\n"
                                + "GET /hello HTTP/1.1\r\nHost: a\r\n\r\n",
                        List.of(new Expected("POST", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                        List.of("Host: a", "Content-Length: 2"), "hi", true),
                                get11("/hello", "/hello", "", List.of("Host: a"), true))),
                new Sample("absolute-form target",
                        "GET http://example.com:8080/sleep?ms=5 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n",
                        List.of(get11("http://example.com:8080/sleep?ms=5", "/sleep", "ms=5",
                                List.of("Host: example.com:8080"), true))),
                new Sample("query string",
                        "GET /bytes?n=10&name=a%20b&flag HTTP/1.1\r\nHost: a\r\n\r\n",
                        List.of(get11("/bytes?n=10&name=a%20b&flag", "/bytes", "n=10&name=a%20b&flag",
                                List.of("Host: a"), true))),
                new Sample("empty query",
                        "GET /hello? HTTP/1.1\r\nHost: a\r\n\r\n",
                        List.of(get11("/hello?", "/hello", "", List.of("Host: a"), true))),
                new Sample("asterisk-form",
                        "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
                        List.of(new Expected("OPTIONS", "*", "*", "", HttpVersion.HTTP_1_1,
                                List.of("Host: a"), "", true))),
                new Sample("leading empty lines are ignored",
                        "\r\n\r\nGET /hello HTTP/1.1\r\nHost: a\r\n\r\n",
                        List.of(get11("/hello", "/hello", "", List.of("Host: a"), true))),
                new Sample("field values: OWS trimmed, inner HTAB and SP kept, empty value",
                        "GET /hello HTTP/1.1\r\nHost: a\r\nX-Padded: \t padded  value \t\r\nX-Tab: a\tb\r\nX-Empty:\r\n"
                                + "X-Spaces:   \r\n\r\n",
                        List.of(get11("/hello", "/hello", "",
                                List.of("Host: a", "X-Padded: padded  value", "X-Tab: a\tb", "X-Empty: ",
                                        "X-Spaces: "), true))),
                new Sample("method is case-sensitive and any token",
                        "PATCH /echo HTTP/1.1\r\nHost: a\r\n\r\n"
                                + "get /hello HTTP/1.1\r\nHost: a\r\n\r\n"
                                + "M-SEARCH! /hello HTTP/1.1\r\nHost: a\r\n\r\n",
                        List.of(new Expected("PATCH", "/echo", "/echo", "", HttpVersion.HTTP_1_1,
                                        List.of("Host: a"), "", true),
                                new Expected("get", "/hello", "/hello", "", HttpVersion.HTTP_1_1,
                                        List.of("Host: a"), "", true),
                                new Expected("M-SEARCH!", "/hello", "/hello", "", HttpVersion.HTTP_1_1,
                                        List.of("Host: a"), "", true))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void parsesTheSampleFedWhole(Sample sample) throws HttpException {
        byte[] raw = bytes(sample.raw());
        List<HttpRequest> requests = feed(new RequestParser(HttpLimits.defaults()), List.of(raw));
        assertRequests(requests, sample.requests());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void parsesTheSameRequestsWhenSplitAtEveryOffset(Sample sample) throws HttpException {
        byte[] raw = bytes(sample.raw());
        List<HttpRequest> whole = feed(new RequestParser(HttpLimits.defaults()), List.of(raw));
        for (int offset = 0; offset <= raw.length; offset++) {
            List<byte[]> pieces = List.of(Arrays.copyOfRange(raw, 0, offset), Arrays.copyOfRange(raw, offset, raw.length));
            List<HttpRequest> split = feed(new RequestParser(HttpLimits.defaults()), pieces);
            assertThat(split).as("split at offset %d of %d", offset, raw.length).isEqualTo(whole);
        }
        assertRequests(whole, sample.requests());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validSamples")
    void parsesTheSameRequestsFedOneByteAtATime(Sample sample) throws HttpException {
        List<byte[]> pieces = oneByteEach(bytes(sample.raw()));
        assertRequests(feed(new RequestParser(HttpLimits.defaults()), pieces), sample.requests());
    }

    // ------------------------------------------------------------------------------ bad input

    record BadSample(String name, String raw, int status) {
        @Override
        public String toString() {
            return status + ": " + name;
        }
    }

    static Stream<BadSample> badSamples() {
        String ok = "Host: a\r\n\r\n";
        return Stream.of(
                // line endings
                new BadSample("bare LF after the request line", "GET /hello HTTP/1.1\nHost: a\r\n\r\n", 400),
                new BadSample("bare LF after a field", "GET /hello HTTP/1.1\r\nHost: a\n\r\n", 400),
                new BadSample("bare LF ending the header section", "GET /hello HTTP/1.1\r\nHost: a\r\n\n", 400),
                new BadSample("only bare LFs", "GET /hello HTTP/1.1\nHost: a\n\n", 400),
                new BadSample("bare CR in the request line", "GET /hello HTTP/1.1\rHost: a\r\n\r\n", 400),
                new BadSample("bare CR inside a field", "GET /hello HTTP/1.1\r\nHost: a\rX-A: b\r\n\r\n", 400),
                // request line
                new BadSample("method not a token", "G(T /hello HTTP/1.1\r\n" + ok, 400),
                new BadSample("empty method", " /hello HTTP/1.1\r\n" + ok, 400),
                new BadSample("space inside the target", "GET /a b HTTP/1.1\r\n" + ok, 400),
                new BadSample("missing target", "GET HTTP/1.1\r\n" + ok, 400),
                new BadSample("no version (HTTP/0.9 style)", "GET /hello\r\n\r\n", 400),
                new BadSample("trailing space after the version", "GET /hello HTTP/1.1 \r\n" + ok, 400),
                new BadSample("lower-case protocol name", "GET /hello http/1.1\r\n" + ok, 400),
                new BadSample("version without minor", "GET /hello HTTP/1\r\n" + ok, 400),
                new BadSample("version with two-digit minor", "GET /hello HTTP/1.10\r\n" + ok, 400),
                new BadSample("version not digits", "GET /hello HTTP/x.y\r\n" + ok, 400),
                new BadSample("unknown protocol", "GET /hello FTP/1.1\r\n" + ok, 400),
                new BadSample("control character in the target", "GET /he\u0001llo HTTP/1.1\r\n" + ok, 400),
                new BadSample("HTTP/2.0", "GET /hello HTTP/2.0\r\n" + ok, 505),
                new BadSample("HTTP/3.0", "GET /hello HTTP/3.0\r\n" + ok, 505),
                new BadSample("HTTP/0.9 as a version", "GET /hello HTTP/0.9\r\n\r\n", 505),
                // fields
                new BadSample("field without colon", "GET /hello HTTP/1.1\r\nHost a\r\n\r\n", 400),
                new BadSample("empty field name", "GET /hello HTTP/1.1\r\nHost: a\r\n: b\r\n\r\n", 400),
                new BadSample("field name not a token", "GET /hello HTTP/1.1\r\nHost: a\r\nX(A): b\r\n\r\n", 400),
                new BadSample("space inside a field name", "GET /hello HTTP/1.1\r\nHost: a\r\nX A: b\r\n\r\n", 400),
                new BadSample("space before the colon", "GET /hello HTTP/1.1\r\nHost : a\r\n\r\n", 400),
                new BadSample("tab before the colon", "GET /hello HTTP/1.1\r\nHost\t: a\r\n\r\n", 400),
                new BadSample("obs-fold with SP", "GET /hello HTTP/1.1\r\nHost: a\r\nX-A: b\r\n c\r\n\r\n", 400),
                new BadSample("obs-fold with HTAB", "GET /hello HTTP/1.1\r\nHost: a\r\nX-A: b\r\n\tc\r\n\r\n", 400),
                new BadSample("whitespace-started first field line",
                        "GET /hello HTTP/1.1\r\n Host: a\r\n\r\n", 400),
                new BadSample("control character in a value", "GET /hello HTTP/1.1\r\nHost: a\r\nX-A: b\u0001c\r\n\r\n", 400),
                new BadSample("NUL in a value", "GET /hello HTTP/1.1\r\nHost: a\r\nX-A: b\u0000c\r\n\r\n", 400),
                new BadSample("DEL in a value", "GET /hello HTTP/1.1\r\nHost: a\r\nX-A: b\u007fc\r\n\r\n", 400),
                // Host
                new BadSample("HTTP/1.1 without Host", "GET /hello HTTP/1.1\r\nAccept: */*\r\n\r\n", 400),
                new BadSample("HTTP/1.1 with two Hosts", "GET /hello HTTP/1.1\r\nHost: a\r\nhost: b\r\n\r\n", 400),
                // body framing
                new BadSample("Content-Length not digits", post("Content-Length: abc\r\n", "abc"), 400),
                new BadSample("Content-Length negative", post("Content-Length: -1\r\n", ""), 400),
                new BadSample("Content-Length with a plus sign", post("Content-Length: +3\r\n", "abc"), 400),
                new BadSample("Content-Length hexadecimal", post("Content-Length: 0x3\r\n", "abc"), 400),
                new BadSample("Content-Length empty", post("Content-Length:\r\n", ""), 400),
                new BadSample("Content-Length as a list of different values",
                        post("Content-Length: 3, 4\r\n", "abcd"), 400),
                new BadSample("conflicting Content-Lengths",
                        post("Content-Length: 3\r\nContent-Length: 4\r\n", "abcd"), 400),
                new BadSample("Content-Length with Transfer-Encoding",
                        post("Content-Length: 8\r\nTransfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\n\r\n"), 400),
                new BadSample("Transfer-Encoding in HTTP/1.0",
                        "POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 400),
                new BadSample("Transfer-Encoding gzip", post("Transfer-Encoding: gzip\r\n", ""), 501),
                new BadSample("Transfer-Encoding gzip, chunked",
                        post("Transfer-Encoding: gzip, chunked\r\n", "3\r\nabc\r\n0\r\n\r\n"), 501),
                new BadSample("chunk size not hex", post("Transfer-Encoding: chunked\r\n", "zz\r\nabc\r\n0\r\n\r\n"), 400),
                new BadSample("empty chunk size line", post("Transfer-Encoding: chunked\r\n", "\r\nabc\r\n0\r\n\r\n"), 400),
                new BadSample("chunk longer than its size", post("Transfer-Encoding: chunked\r\n", "3\r\nabcd\r\n0\r\n\r\n"), 400),
                new BadSample("chunk size line ending in bare LF",
                        post("Transfer-Encoding: chunked\r\n", "3\nabc\r\n0\r\n\r\n"), 400),
                new BadSample("trailer field without colon",
                        post("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\nX-Trailer\r\n\r\n"), 400),
                // expectations
                new BadSample("Expect other than 100-continue",
                        "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: something\r\nContent-Length: 3\r\n\r\nabc", 417),
                // default limits
                new BadSample("request line over 8 KiB",
                        "GET /" + "a".repeat(HttpLimits.DEFAULT_MAX_REQUEST_LINE_BYTES) + " HTTP/1.1\r\n" + ok, 414),
                new BadSample("header section over 16 KiB",
                        "GET /hello HTTP/1.1\r\nHost: a\r\nX-Big: "
                                + "b".repeat(HttpLimits.DEFAULT_MAX_HEADER_BYTES) + "\r\n\r\n", 431),
                new BadSample("more than 100 fields",
                        "GET /hello HTTP/1.1\r\nHost: a\r\n" + "X-F: v\r\n".repeat(HttpLimits.DEFAULT_MAX_HEADER_COUNT)
                                + "\r\n", 431),
                new BadSample("Content-Length over 1 MiB",
                        post("Content-Length: " + (HttpLimits.DEFAULT_MAX_BODY_BYTES + 1) + "\r\n", ""), 413),
                new BadSample("Content-Length beyond any integer",
                        post("Content-Length: 99999999999999999999999\r\n", ""), 413));
    }

    private static String post(String framingFields, String body) {
        return "POST /echo HTTP/1.1\r\nHost: a\r\n" + framingFields + "\r\n" + body;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSamples")
    void rejectsTheBadSampleFedWhole(BadSample sample) {
        assertRejected(List.of(bytes(sample.raw())), HttpLimits.defaults(), sample.status());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSamples")
    void rejectsTheBadSampleFedOneByteAtATime(BadSample sample) {
        assertRejected(oneByteEach(bytes(sample.raw())), HttpLimits.defaults(), sample.status());
    }

    @Test
    void rejectsABodyTooLargeAsSoonAsContentLengthSaysSo() {
        RequestParser parser = new RequestParser(HttpLimits.defaults());
        ByteBuffer head = ByteBuffer.wrap(bytes(post("Content-Length: 1048577\r\n", "")));
        assertThatThrownBy(() -> parser.parse(head))
                .isInstanceOf(HttpException.class)
                .extracting(e -> ((HttpException) e).status()).isEqualTo(413);
    }

    @Test
    void aRejectedRequestCarriesAOneLineReason() {
        RequestParser parser = new RequestParser(HttpLimits.defaults());
        ByteBuffer in = ByteBuffer.wrap(bytes("GET /hello HTTP/1.1\r\nHost : a\r\n\r\n"));
        assertThatThrownBy(() -> parser.parse(in))
                .isInstanceOf(HttpException.class)
                .satisfies(e -> assertThat(e.getMessage()).isNotBlank().doesNotContain("\n", "\r"));
    }

    // --------------------------------------------------------------------- limits at the edge

    @Nested
    class LimitsAtTheirBoundary {

        /** Small limits so that each boundary is easy to reach exactly. */
        private final HttpLimits limits = new HttpLimits(64, 200, 4, 16);

        @Test
        void requestLineOfExactlyTheLimitIsAccepted() throws HttpException {
            String line = requestLineOfLength(64);
            assertThat(parseWhole(limits, line + "\r\nHost: a\r\n\r\n").target()).hasSize(64 - "GET  HTTP/1.1".length());
        }

        @Test
        void requestLineOneByteOverTheLimitGets414() {
            String line = requestLineOfLength(65);
            assertRejected(List.of(bytes(line + "\r\nHost: a\r\n\r\n")), limits, 414);
            assertRejected(oneByteEach(bytes(line + "\r\nHost: a\r\n\r\n")), limits, 414);
        }

        @Test
        void requestLineOverTheLimitGets414BeforeItsEndArrives() {
            assertRejected(List.of(bytes("GET /" + "a".repeat(200))), limits, 414);
        }

        @Test
        void exactlyMaxHeaderCountFieldsAreAccepted() throws HttpException {
            HttpRequest request = parseWhole(limits, "GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n");
            assertThat(request.headers().size()).isEqualTo(4);
        }

        @Test
        void oneFieldOverMaxHeaderCountGets431() {
            assertRejected(List.of(bytes("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n")), limits, 431);
        }

        @Test
        void headerSectionOfExactlyMaxHeaderBytesIsAccepted() throws HttpException {
            HttpRequest request = parseWhole(limits, "GET / HTTP/1.1\r\n" + fieldLinesOfLength(200) + "\r\n");
            assertThat(request.headers().get("X-Pad")).isNotEmpty();
        }

        @Test
        void headerSectionOneByteOverMaxHeaderBytesGets431() {
            String raw = "GET / HTTP/1.1\r\n" + fieldLinesOfLength(201) + "\r\n";
            assertRejected(List.of(bytes(raw)), limits, 431);
            assertRejected(oneByteEach(bytes(raw)), limits, 431);
        }

        @Test
        void headerSectionOverTheLimitGets431BeforeItsEndArrives() {
            assertRejected(List.of(bytes("GET / HTTP/1.1\r\nHost: a\r\nX-Pad: " + "p".repeat(400))), limits, 431);
        }

        @Test
        void bodyOfExactlyMaxBodyBytesIsAccepted() throws HttpException {
            String body = "0123456789abcdef";
            assertThat(parseWhole(limits, post("Content-Length: 16\r\n", body)).body()).asString().isEqualTo(body);
            assertThat(parseWhole(limits, post("Transfer-Encoding: chunked\r\n", "a\r\n0123456789\r\n6\r\nabcdef\r\n0\r\n\r\n"))
                    .body()).asString().isEqualTo(body);
        }

        @Test
        void contentLengthOneOverMaxBodyBytesGets413() {
            assertRejected(List.of(bytes(post("Content-Length: 17\r\n", "0123456789abcdefg"))), limits, 413);
        }

        @Test
        void chunksAddingUpToOneOverMaxBodyBytesGet413() {
            String raw = post("Transfer-Encoding: chunked\r\n", "a\r\n0123456789\r\n7\r\nabcdefg\r\n0\r\n\r\n");
            assertRejected(List.of(bytes(raw)), limits, 413);
            assertRejected(oneByteEach(bytes(raw)), limits, 413);
        }

        @Test
        void aChunkSizeOverMaxBodyBytesGets413BeforeItsDataArrives() {
            assertRejected(List.of(bytes(post("Transfer-Encoding: chunked\r\n", "11\r\n"))), limits, 413);
        }

        @Test
        void trailersCountAgainstMaxHeaderCount() throws HttpException {
            // Host + Transfer-Encoding + 2 trailers = 4 fields: accepted; a third trailer makes 5.
            String accepted = post("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\nT1: 1\r\nT2: 2\r\n\r\n");
            assertThat(parseWhole(limits, accepted).body()).asString().isEqualTo("abc");
            String tooMany = post("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\nT1: 1\r\nT2: 2\r\nT3: 3\r\n\r\n");
            assertRejected(List.of(bytes(tooMany)), limits, 431);
        }

        @Test
        void trailersCountAgainstMaxHeaderBytes() {
            String raw = post("Transfer-Encoding: chunked\r\n", "3\r\nabc\r\n0\r\nT: " + "t".repeat(200) + "\r\n\r\n");
            assertRejected(List.of(bytes(raw)), limits, 431);
        }

        /** {@code GET /aaa... HTTP/1.1} of exactly {@code length} bytes, without CRLF. */
        private static String requestLineOfLength(int length) {
            return "GET /" + "a".repeat(length - "GET / HTTP/1.1".length()) + " HTTP/1.1";
        }

        /**
         * {@code Host: a} and an {@code X-Pad} field whose field lines with their CRLFs are exactly
         * {@code length} bytes (the header section as {@link HttpLimits} counts it).
         */
        private static String fieldLinesOfLength(int length) {
            String host = "Host: a\r\n";
            String padPrefix = "X-Pad: ";
            int padding = length - host.length() - padPrefix.length() - 2;
            return host + padPrefix + "p".repeat(padding) + "\r\n";
        }
    }

    // -------------------------------------------------------------------------- pipelining

    @Test
    void pipelinedRequestsComeOutInOrderAndLeaveTheRestInTheBuffer() throws HttpException {
        String first = "GET /sleep?ms=1 HTTP/1.1\r\nHost: a\r\n\r\n";
        String second = "POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello";
        String third = "GET /bytes?n=3 HTTP/1.1\r\nHost: a\r\n\r\n";
        ByteBuffer in = ByteBuffer.wrap(bytes(first + second + third));
        RequestParser parser = new RequestParser(HttpLimits.defaults());

        HttpRequest one = parser.parse(in);
        assertThat(one.target()).isEqualTo("/sleep?ms=1");
        assertThat(in.remaining()).isEqualTo(second.length() + third.length());
        assertThat(parser.hasPartialRequest()).isFalse();

        HttpRequest two = parser.parse(in);
        assertThat(two.target()).isEqualTo("/echo");
        assertThat(two.body()).asString().isEqualTo("hello");
        assertThat(in.remaining()).isEqualTo(third.length());

        HttpRequest three = parser.parse(in);
        assertThat(three.target()).isEqualTo("/bytes?n=3");
        assertThat(in.hasRemaining()).isFalse();
        assertThat(parser.parse(in)).isNull();
    }

    @Test
    void hasPartialRequestTellsWhetherARequestIsUnderway() throws HttpException {
        RequestParser parser = new RequestParser(HttpLimits.defaults());
        assertThat(parser.hasPartialRequest()).isFalse();

        ByteBuffer start = ByteBuffer.wrap(bytes("GET /hel"));
        assertThat(parser.parse(start)).isNull();
        assertThat(start.hasRemaining()).isFalse();
        assertThat(parser.hasPartialRequest()).isTrue();

        assertThat(parser.parse(ByteBuffer.wrap(bytes("lo HTTP/1.1\r\nHost: a\r\n\r\n")))).isNotNull();
        assertThat(parser.hasPartialRequest()).isFalse();

        assertThat(parser.parse(ByteBuffer.wrap(bytes("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nab"))))
                .isNull();
        assertThat(parser.hasPartialRequest()).isTrue();
        assertThat(parser.parse(ByteBuffer.wrap(bytes("cd"))).body()).asString().isEqualTo("abcd");
        assertThat(parser.hasPartialRequest()).isFalse();
    }

    @Test
    void queryParametersAreDecoded() throws HttpException {
        HttpRequest request = parseWhole(HttpLimits.defaults(),
                "GET /bytes?n=10&name=a%20b&plus=x+y&flag&n=20 HTTP/1.1\r\nHost: a\r\n\r\n");
        assertThat(request.queryParameter("n")).isEqualTo("10");
        assertThat(request.queryParameter("name")).isEqualTo("a b");
        assertThat(request.queryParameter("plus")).isEqualTo("x y");
        assertThat(request.queryParameter("flag")).isEqualTo("");
        assertThat(request.queryParameter("missing")).isNull();
    }

    // ----------------------------------------------------------------------- 100-continue

    @Test
    void expectContinueIsSignalledOnceAfterTheHeaderSection() throws HttpException {
        RequestParser parser = new RequestParser(HttpLimits.defaults());
        assertThat(parser.takeContinueRequest()).isFalse();

        String head = "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n";
        assertThat(parser.parse(ByteBuffer.wrap(bytes(head)))).isNull();
        assertThat(parser.takeContinueRequest()).isTrue();
        assertThat(parser.takeContinueRequest()).isFalse();

        HttpRequest request = parser.parse(ByteBuffer.wrap(bytes("hello")));
        assertThat(request.body()).asString().isEqualTo("hello");
        assertThat(request.headers().get("expect")).isEqualTo("100-continue");
        assertThat(parser.takeContinueRequest()).isFalse();

        // The next request on the connection, without the expectation, is not signalled.
        assertThat(parser.parse(ByteBuffer.wrap(bytes("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\n"))))
                .isNull();
        assertThat(parser.takeContinueRequest()).isFalse();
    }

    @Test
    void expectContinueDoesNotOutliveItsRequest() throws HttpException {
        // The body came with the head, so the caller never asked; the next request must not inherit it.
        RequestParser parser = new RequestParser(HttpLimits.defaults());
        HttpRequest first = parser.parse(ByteBuffer.wrap(
                bytes("POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\nhello")));
        assertThat(first.body()).asString().isEqualTo("hello");

        assertThat(parser.parse(ByteBuffer.wrap(bytes("GET /hello HTTP/1.1\r\nHo")))).isNull();
        assertThat(parser.takeContinueRequest()).as("signalled during the next request").isFalse();
    }

    @Test
    void expectContinueIsSignalledForAChunkedBody() throws HttpException {
        RequestParser parser = new RequestParser(HttpLimits.defaults());
        String head = "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n";
        assertThat(parser.parse(ByteBuffer.wrap(bytes(head)))).isNull();
        assertThat(parser.takeContinueRequest()).isTrue();
        assertThat(parser.parse(ByteBuffer.wrap(bytes("2\r\nhi\r\n0\r\n\r\n"))).body()).asString().isEqualTo("hi");
    }

    @Test
    void expectContinueIsCaseInsensitive() throws HttpException {
        RequestParser parser = new RequestParser(HttpLimits.defaults());
        String head = "POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-Continue\r\nContent-Length: 5\r\n\r\n";
        assertThat(parser.parse(ByteBuffer.wrap(bytes(head)))).isNull();
        assertThat(parser.takeContinueRequest()).isTrue();
    }

    @Test
    void expectContinueIsNotSignalledWithoutABody() throws HttpException {
        RequestParser parser = new RequestParser(HttpLimits.defaults());
        HttpRequest request = parser.parse(ByteBuffer.wrap(
                bytes("POST /echo HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 0\r\n\r\n")));
        assertThat(request).isNotNull();
        assertThat(parser.takeContinueRequest()).isFalse();

        request = parser.parse(ByteBuffer.wrap(bytes("GET /hello HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\n\r\n")));
        assertThat(request).isNotNull();
        assertThat(parser.takeContinueRequest()).isFalse();
    }

    @Test
    void expectContinueIsIgnoredForHttp10() throws HttpException {
        RequestParser parser = new RequestParser(HttpLimits.defaults());
        assertThat(parser.parse(ByteBuffer.wrap(
                bytes("POST /echo HTTP/1.0\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")))).isNull();
        assertThat(parser.takeContinueRequest()).isFalse();
        assertThat(parser.parse(ByteBuffer.wrap(bytes("hello"))).body()).asString().isEqualTo("hello");
    }

    // ------------------------------------------------------------------------------ helpers

    static byte[] bytes(String raw) {
        return raw.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<byte[]> oneByteEach(byte[] raw) {
        List<byte[]> pieces = new ArrayList<>(raw.length);
        for (byte b : raw) {
            pieces.add(new byte[] {b});
        }
        return pieces;
    }

    /**
     * Feeds the pieces in order, each in a fresh buffer, and collects every request; checks on the
     * way that {@code parse} consumes the whole buffer whenever it returns {@code null}.
     */
    private static List<HttpRequest> feed(RequestParser parser, List<byte[]> pieces) throws HttpException {
        List<HttpRequest> requests = new ArrayList<>();
        for (byte[] piece : pieces) {
            ByteBuffer in = ByteBuffer.wrap(piece);
            while (in.hasRemaining()) {
                HttpRequest request = parser.parse(in);
                if (request == null) {
                    assertThat(in.remaining()).as("bytes left behind by parse() returning null").isZero();
                    break;
                }
                requests.add(request);
            }
        }
        assertThat(parser.hasPartialRequest()).as("a partial request left after the whole sample").isFalse();
        return requests;
    }

    private static HttpRequest parseWhole(HttpLimits limits, String raw) throws HttpException {
        ByteBuffer in = ByteBuffer.wrap(bytes(raw));
        HttpRequest request = new RequestParser(limits).parse(in);
        assertThat(request).as("a complete request").isNotNull();
        assertThat(in.hasRemaining()).as("bytes left after the only request").isFalse();
        return request;
    }

    /** Feeds the pieces and expects an {@link HttpException} with {@code status}, and no request before it. */
    private static void assertRejected(List<byte[]> pieces, HttpLimits limits, int status) {
        RequestParser parser = new RequestParser(limits);
        for (byte[] piece : pieces) {
            ByteBuffer in = ByteBuffer.wrap(piece);
            HttpRequest request;
            try {
                request = parser.parse(in);
            } catch (HttpException e) {
                assertThat(e.status()).as("status for: %s", e.getMessage()).isEqualTo(status);
                return;
            }
            if (request != null) {
                fail("expected %d but the parser accepted %s", status, request);
            }
        }
        fail("expected %d but the parser is still waiting for more bytes", status);
    }

    private static void assertRequests(List<HttpRequest> actual, List<Expected> expected) {
        assertThat(actual).as("number of requests").hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            HttpRequest request = actual.get(i);
            Expected want = expected.get(i);
            String which = "request " + (i + 1);
            assertThat(request.method()).as(which + " method").isEqualTo(want.method());
            assertThat(request.target()).as(which + " target").isEqualTo(want.target());
            assertThat(request.path()).as(which + " path").isEqualTo(want.path());
            assertThat(request.query()).as(which + " query").isEqualTo(want.query());
            assertThat(request.version()).as(which + " version").isEqualTo(want.version());
            assertThat(fields(request.headers())).as(which + " fields").isEqualTo(want.fields());
            assertThat(new String(request.body(), StandardCharsets.ISO_8859_1)).as(which + " body").isEqualTo(want.body());
            assertThat(request.keepAlive()).as(which + " keepAlive").isEqualTo(want.keepAlive());
        }
    }

    private static List<String> fields(HttpHeaders headers) {
        List<String> fields = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            fields.add(headers.name(i) + ": " + headers.value(i));
        }
        return fields;
    }
}
