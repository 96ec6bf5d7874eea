package dev.concbench.servers.netty;

import dev.concbench.servers.http.HttpDate;
import dev.concbench.servers.http.HttpException;
import dev.concbench.servers.http.HttpHeaders;
import dev.concbench.servers.http.HttpLimits;
import dev.concbench.servers.http.HttpResponse;
import dev.concbench.servers.http.HttpStatus;
import dev.concbench.servers.http.HttpVersion;
import dev.concbench.servers.http.RequestRules;
import dev.concbench.servers.http.ResponseEncoder;
import dev.concbench.servers.http.ResponseEncoder.ConnectionHeader;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.InvalidLineSeparatorException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.AsciiString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Translates between Netty's HTTP objects and the codec's, so that the Netty reference answers
 * every request with the same bytes as our models: the same rules ({@link RequestRules}) on the
 * head Netty's decoder split, the same statuses for what Netty's decoder rejects where it can
 * tell, and the same response headers, in the same order, with the same spelling. Stateless.
 */
final class Messages {

    /** A request head checked by our rules: what the application's request is built from. */
    record Head(String method, String target, RequestRules.Target split, HttpVersion version, HttpHeaders headers,
                RequestRules.Framing framing) {
    }

    // Netty's own header name constants are lower case; the codec's are capitalized.
    private static final AsciiString SERVER = AsciiString.cached("Server");
    private static final AsciiString DATE = AsciiString.cached("Date");
    private static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString ALLOW = AsciiString.cached("Allow");
    private static final AsciiString CONNECTION = AsciiString.cached("Connection");
    private static final AsciiString SERVER_NAME = AsciiString.cached(ResponseEncoder.SERVER_NAME);

    /** The response headers are ours, already valid: Netty need not check them again. */
    private static final HttpHeadersFactory RESPONSE_HEADERS = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);
    private static final HttpResponseStatus[] STATUSES = statuses();

    private Messages() {
    }

    /**
     * Checks a head Netty's decoder accepted against our rules: HTTP/1.0 or 1.1 (505 otherwise),
     * the target's form, and the header section ({@link RequestRules#framing}).
     */
    static Head head(HttpRequest request, HttpLimits limits) throws HttpException {
        HttpVersion version = version(request.protocolVersion());
        String method = request.method().name();
        RequestRules.Target split = RequestRules.target(method, request.uri());
        HttpHeaders headers = headers(request.headers());
        return new Head(method, request.uri(), split, version, headers, RequestRules.framing(version, headers, limits));
    }

    /**
     * What to answer a head Netty's decoder rejected: our parser's verdict on the same bytes when
     * {@link CheckedRequestDecoder} has it (always, but where Netty gives up before our parser
     * would); else our status and reason where Netty's failure says which limit or rule was broken;
     * otherwise, when the request line was parsed, whatever of the head Netty parsed is checked
     * against our rules; failing that, 400 with Netty's reason.
     */
    static HttpException rejectedHead(HttpRequest failed, Throwable cause, HttpLimits limits) {
        switch (cause) {
            case CheckedRequestDecoder.Rejected ours -> {
                return ours.verdict();
            }
            case TooLongHttpLineException tooLong -> {
                return RequestRules.requestLineTooLong();
            }
            case TooLongHttpHeaderException tooLarge -> {
                return RequestRules.headerSectionTooLarge();
            }
            case InvalidLineSeparatorException bareLineFeed -> {
                return RequestRules.bareLineFeed();
            }
            default -> {
                // other failures are untyped
            }
        }
        if (!(failed instanceof FullHttpRequest)) { // a real request line, not Netty's placeholder
            try {
                head(failed, limits);
            } catch (HttpException ours) {
                return ours;
            }
        }
        return new HttpException(400, "malformed request: " + cause.getMessage());
    }

    /** What to answer a chunked body Netty's decoder rejected. */
    static HttpException rejectedBody(Throwable cause) {
        return cause instanceof NumberFormatException
                ? new HttpException(400, "invalid chunk size")
                : new HttpException(400, "malformed chunked body: " + cause.getMessage());
    }

    /** {@code 100 Continue}: the status line alone, as our models send it. */
    static FullHttpResponse continueResponse() {
        return new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                HttpResponseStatus.CONTINUE, Unpooled.EMPTY_BUFFER, RESPONSE_HEADERS.newHeaders(), EmptyHttpHeaders.INSTANCE);
    }

    /**
     * Our response as Netty's, with the headers of {@link ResponseEncoder#encodeHead}: Server,
     * Date, Content-Type, Content-Length, Allow (405 only), Connection when it says so.
     *
     * @param request the request, or {@code null} when it was rejected
     */
    static FullHttpResponse response(dev.concbench.servers.http.HttpRequest request, HttpResponse response,
                                     ConnectionHeader connection) {
        ByteBuffer body = ResponseEncoder.body(request, response);
        FullHttpResponse netty = new DefaultFullHttpResponse(io.netty.handler.codec.http.HttpVersion.HTTP_1_1,
                STATUSES[response.status()], Unpooled.wrappedBuffer(body), RESPONSE_HEADERS.newHeaders(),
                EmptyHttpHeaders.INSTANCE); // never trailers: the body has a Content-Length
        io.netty.handler.codec.http.HttpHeaders headers = netty.headers();
        headers.add(SERVER, SERVER_NAME);
        headers.add(DATE, HttpDate.text());
        headers.add(CONTENT_TYPE, response.contentType());
        headers.addInt(CONTENT_LENGTH, response.contentLength());
        if (response.allow() != null) {
            headers.add(ALLOW, response.allow());
        }
        if (connection.value() != null) {
            headers.add(CONNECTION, connection.value());
        }
        return netty;
    }

    private static HttpVersion version(io.netty.handler.codec.http.HttpVersion version) throws HttpException {
        if (version == io.netty.handler.codec.http.HttpVersion.HTTP_1_1) {
            return HttpVersion.HTTP_1_1;
        }
        if (version == io.netty.handler.codec.http.HttpVersion.HTTP_1_0) {
            return HttpVersion.HTTP_1_0;
        }
        throw new HttpException(505, "HTTP version not supported: " + version.text());
    }

    private static HttpHeaders headers(io.netty.handler.codec.http.HttpHeaders netty) {
        List<String> names = new ArrayList<>(netty.size());
        List<String> values = new ArrayList<>(netty.size());
        for (Map.Entry<String, String> field : netty) {
            names.add(field.getKey());
            values.add(field.getValue());
        }
        return HttpHeaders.of(names, values);
    }

    private static HttpResponseStatus[] statuses() {
        HttpResponseStatus[] statuses = new HttpResponseStatus[600];
        for (int code = 100; code < statuses.length; code++) {
            statuses[code] = HttpResponseStatus.valueOf(code, HttpStatus.reason(code));
        }
        return statuses;
    }
}
