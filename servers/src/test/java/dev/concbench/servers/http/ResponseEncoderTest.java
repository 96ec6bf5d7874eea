package dev.concbench.servers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concbench.servers.http.ResponseEncoder.ConnectionHeader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The response bytes, compared with golden files under
 * {@code src/test/resources/dev/concbench/servers/http/responses}. A golden file holds one response
 * with LF line ends (CRLF on the wire) and no final newline; its {@code Date} value is written as
 * {@code <date>}, since the encoder stamps the current time, which is checked separately.
 */
class ResponseEncoderTest {

    private static final Pattern DATE_LINE = Pattern.compile("\r\nDate: ([^\r\n]*)\r\n");

    @Test
    void encodesAKeptAliveResponseWithoutAConnectionHeader() throws Exception {
        HttpRequest request = parse("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n");
        assertMatchesGolden("hello.http", request, HttpResponse.text(200, "Hello, World!"), false);
    }

    @Test
    void saysCloseWhenTheServerCloses() throws Exception {
        HttpRequest request = parse("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n");
        assertMatchesGolden("hello-close.http", request, HttpResponse.text(200, "Hello, World!"), true);
    }

    @Test
    void saysCloseWhenTheClientAsksForIt() throws Exception {
        HttpRequest request = parse("GET /hello HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n");
        assertMatchesGolden("hello-close.http", request, HttpResponse.text(200, "Hello, World!"), false);
    }

    @Test
    void saysKeepAliveToAKeptAliveHttp10Request() throws Exception {
        HttpRequest request = parse("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
        assertMatchesGolden("hello-http10-keep-alive.http", request, HttpResponse.text(200, "Hello, World!"), false);
    }

    @Test
    void saysCloseToAPlainHttp10Request() throws Exception {
        HttpRequest request = parse("GET /hello HTTP/1.0\r\n\r\n");
        assertMatchesGolden("hello-close.http", request, HttpResponse.text(200, "Hello, World!"), false);
    }

    @Test
    void answersHeadWithTheLengthButNoBody() throws Exception {
        HttpRequest request = parse("HEAD /hello HTTP/1.1\r\nHost: a\r\n\r\n");
        assertMatchesGolden("hello-head.http", request, HttpResponse.text(200, "Hello, World!"), false);
    }

    @Test
    void namesTheAllowedMethodsOfA405() throws Exception {
        HttpRequest request = parse("POST /hello HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n");
        HttpResponse notAllowed = new HttpResponse(405, "text/plain",
                ByteBuffer.wrap("method not allowed".getBytes(StandardCharsets.US_ASCII)), "GET, HEAD");
        assertMatchesGolden("method-not-allowed.http", request, notAllowed, false);
    }

    @Test
    void answersARejectedRequestWithItsStatusAndClose() throws Exception {
        HttpResponse error = HttpResponse.error(new HttpException(431, "more than 100 fields"));
        assertMatchesGolden("too-many-fields.http", null, error, false);
    }

    @Test
    void encodesAnEmptyBody() throws Exception {
        HttpRequest request = parse("GET /bytes?n=0 HTTP/1.1\r\nHost: a\r\n\r\n");
        HttpResponse empty = HttpResponse.of(200, "application/octet-stream", new byte[0]);
        assertMatchesGolden("empty.http", request, empty, false);
    }

    @Test
    void encodes100Continue() throws IOException {
        ByteBuffer interim = ResponseEncoder.continueResponse();
        assertThat(ascii(interim)).isEqualTo(golden("continue.http"));
        assertThat(ascii(ResponseEncoder.continueResponse())).as("a fresh buffer each time").isEqualTo(golden("continue.http"));
    }

    @Test
    void aResponseBodyCanBeSentTwice() throws Exception {
        HttpRequest request = parse("GET /hello HTTP/1.1\r\nHost: a\r\n\r\n");
        HttpResponse shared = HttpResponse.text(200, "Hello, World!");
        assertThat(ascii(ResponseEncoder.body(request, shared))).isEqualTo("Hello, World!");
        assertThat(ascii(ResponseEncoder.body(request, shared))).isEqualTo("Hello, World!");
        assertThat(shared.contentLength()).isEqualTo(13);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 200, 400, 404, 405, 408, 413, 414, 417, 431, 500, 501, 503, 505})
    void knowsTheReasonOfEveryStatusTheServersSend(int status) {
        assertThat(HttpStatus.reason(status)).isNotEqualTo("Unknown").isNotBlank();
    }

    @Test
    void usesTheReasonPhrasesOfRfc9110() {
        assertThat(HttpStatus.reason(413)).isEqualTo("Content Too Large");
        assertThat(HttpStatus.reason(414)).isEqualTo("URI Too Long");
        assertThat(HttpStatus.reason(431)).isEqualTo("Request Header Fields Too Large");
        assertThat(HttpStatus.reason(505)).isEqualTo("HTTP Version Not Supported");
    }

    @Test
    void stampsTheCurrentDateInImfFixdate() throws Exception {
        ByteBuffer out = ByteBuffer.allocate(ResponseEncoder.MAX_HEAD_BYTES);
        ResponseEncoder.encodeHead(HttpResponse.text(200, "x"), ConnectionHeader.NONE, out);
        Matcher date = DATE_LINE.matcher(ascii(out.flip()));
        assertThat(date.find()).isTrue();
        assertImfFixdateNow(date.group(1));
    }

    // ------------------------------------------------------------------------------ helpers

    private static void assertMatchesGolden(String golden, HttpRequest request, HttpResponse response,
                                            boolean serverCloses) throws IOException {
        ByteBuffer out = ByteBuffer.allocate(ResponseEncoder.MAX_HEAD_BYTES + response.contentLength());
        ResponseEncoder.encodeHead(response, ResponseEncoder.connectionHeader(request, serverCloses), out);
        out.put(ResponseEncoder.body(request, response));
        String wire = ascii(out.flip());

        Matcher date = DATE_LINE.matcher(wire);
        assertThat(date.find()).as("a Date line in %s", wire).isTrue();
        assertImfFixdateNow(date.group(1));
        assertThat(date.replaceFirst("\r\nDate: <date>\r\n")).isEqualTo(golden(golden));
    }

    private static void assertImfFixdateNow(String value) {
        assertThat(value).matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");
        ZonedDateTime date = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(Duration.between(date, ZonedDateTime.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    /** The golden file as wire text: LF becomes CRLF. */
    private static String golden(String name) throws IOException {
        try (InputStream in = ResponseEncoderTest.class.getResourceAsStream("responses/" + name)) {
            assertThat(in).as("golden file responses/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).replace("\n", "\r\n");
        }
    }

    private static HttpRequest parse(String raw) throws HttpException {
        HttpRequest request = new RequestParser(HttpLimits.defaults())
                .parse(ByteBuffer.wrap(raw.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(request).isNotNull();
        return request;
    }

    private static String ascii(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
