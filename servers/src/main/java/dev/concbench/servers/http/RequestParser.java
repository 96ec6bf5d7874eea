package dev.concbench.servers.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * An incremental HTTP/1.1 request parser (RFC 9112), fed from {@link ByteBuffer}s so that blocking
 * and non-blocking models share it. One instance per connection; not thread-safe.
 *
 * <p>{@link #parse(ByteBuffer)} consumes bytes until one request is complete and returns it,
 * leaving the bytes of any pipelined request that follows in the buffer; it returns {@code null}
 * after consuming every byte when the request is not complete yet. A request that breaks the rules
 * or a limit throws {@link HttpException} carrying the status to answer with (see
 * {@link HttpLimits}); the parser is then unusable and the connection must be closed after the
 * error response.
 *
 * <p>What it enforces: lines end with CRLF (bare CR or LF is rejected); the method is a token; the
 * target is origin-form, absolute-form or {@code *} (OPTIONS only); the version is
 * {@code HTTP/1.0} or {@code HTTP/1.1} (505 for other well-formed versions); field names are
 * tokens with no whitespace before the colon; obs-fold and control characters in values are
 * rejected; HTTP/1.1 needs exactly one Host; Content-Length is digits only and duplicates must
 * agree; Content-Length with Transfer-Encoding is rejected; the only transfer coding is
 * {@code chunked} (501 otherwise), whose extensions are ignored and whose trailers are checked and
 * dropped; the only expectation is {@code 100-continue} (417 otherwise). The rules on the target
 * and the header section are {@link RequestRules}, shared with the Netty reference.
 */
public final class RequestParser {

    private enum State { REQUEST_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, FAILED }

    private static final int MAX_CHUNK_SIZE_LINE_BYTES = 1024;
    private static final int MAX_CHUNK_SIZE_HEX_DIGITS = 8;
    private static final byte[] NO_BODY = new byte[0];
    private static final boolean[] TOKEN_CHARS = tokenChars();

    private final HttpLimits limits;

    private State state = State.REQUEST_LINE;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean lineComplete;
    private boolean sawCarriageReturn;

    private String method;
    private String target;
    private RequestRules.Target splitTarget;
    private HttpVersion version;
    private final List<String> headerNames = new ArrayList<>();
    private final List<String> headerValues = new ArrayList<>();
    private int headerBytes;
    private int headerCount;
    private byte[] body = NO_BODY;
    private int bodyLength;
    private long remaining;
    private boolean continueRequested;

    public RequestParser(HttpLimits limits) {
        this.limits = limits;
    }

    /**
     * Consumes bytes from {@code in} (in read mode) until a request is complete.
     *
     * @return the request, or {@code null} when more bytes are needed (all of {@code in} consumed)
     * @throws HttpException when the request breaks the rules or a limit
     * @throws IllegalStateException when called after an {@code HttpException}
     */
    public HttpRequest parse(ByteBuffer in) throws HttpException {
        if (state == State.FAILED) {
            throw new IllegalStateException("the parser failed earlier; the connection must be closed");
        }
        try {
            return advance(in);
        } catch (HttpException e) {
            state = State.FAILED;
            throw e;
        }
    }

    /**
     * True once after the header section of a request carrying {@code Expect: 100-continue}
     * (HTTP/1.1, with a body) was parsed: the caller then sends {@code 100 Continue}.
     */
    public boolean takeContinueRequest() {
        boolean requested = continueRequested;
        continueRequested = false;
        return requested;
    }

    /** True when some bytes of a request that is not complete yet have been consumed. */
    public boolean hasPartialRequest() {
        return state != State.REQUEST_LINE || (lineLength > 0 && !lineComplete) || sawCarriageReturn;
    }

    private HttpRequest advance(ByteBuffer in) throws HttpException {
        while (true) {
            switch (state) {
                case REQUEST_LINE -> {
                    if (!readLine(in, limits.maxRequestLineBytes(), RequestRules::requestLineTooLong)) {
                        return null;
                    }
                    if (lineLength > 0) { // empty lines before a request line are ignored
                        parseRequestLine();
                        state = State.HEADERS;
                    }
                }
                case HEADERS -> {
                    if (!readFieldLine(in)) {
                        return null;
                    }
                    if (lineLength > 0) {
                        parseFieldLine(true);
                    } else {
                        HttpRequest request = endOfHeaders();
                        if (request != null) {
                            return request;
                        }
                    }
                }
                case BODY -> {
                    copyBody(in);
                    if (remaining > 0) {
                        return null;
                    }
                    return complete();
                }
                case CHUNK_SIZE -> {
                    if (!readLine(in, MAX_CHUNK_SIZE_LINE_BYTES,
                            () -> new HttpException(400, "chunk size line too long"))) {
                        return null;
                    }
                    parseChunkSize();
                }
                case CHUNK_DATA -> {
                    copyBody(in);
                    if (remaining > 0) {
                        return null;
                    }
                    state = State.CHUNK_END;
                }
                case CHUNK_END -> {
                    if (!readLine(in, 0, () -> new HttpException(400, "chunk data not followed by CRLF"))) {
                        return null;
                    }
                    state = State.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    if (!readFieldLine(in)) {
                        return null;
                    }
                    if (lineLength > 0) {
                        parseFieldLine(false);
                    } else {
                        return complete();
                    }
                }
                case FAILED -> throw new IllegalStateException("unreachable");
            }
        }
    }

    /**
     * Reads up to and including CRLF into {@link #line}. Returns false when {@code in} ran out
     * first; the partial line is kept for the next call. A complete line stays in {@link #line}
     * until the next call starts a new one.
     */
    private boolean readLine(ByteBuffer in, int maxBytes, Supplier<HttpException> tooLong) throws HttpException {
        if (lineComplete) {
            lineLength = 0;
            lineComplete = false;
        }
        while (in.hasRemaining()) {
            byte b = in.get();
            if (sawCarriageReturn) {
                if (b != '\n') {
                    throw new HttpException(400, "bare CR in the request");
                }
                sawCarriageReturn = false;
                lineComplete = true;
                return true;
            }
            if (b == '\r') {
                sawCarriageReturn = true;
            } else if (b == '\n') {
                throw RequestRules.bareLineFeed();
            } else {
                if (lineLength >= maxBytes) {
                    throw tooLong.get();
                }
                if (lineLength == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[lineLength++] = b;
            }
        }
        return false;
    }

    /** Reads a header or trailer line; every field line, with its CRLF, counts against maxHeaderBytes. */
    private boolean readFieldLine(ByteBuffer in) throws HttpException {
        int room = Math.max(0, limits.maxHeaderBytes() - headerBytes - 2);
        if (!readLine(in, room, RequestRules::headerSectionTooLarge)) {
            return false;
        }
        if (lineLength > 0) {
            headerBytes += lineLength + 2;
        }
        return true;
    }

    private void parseRequestLine() throws HttpException {
        int firstSpace = indexOf((byte) ' ', 0);
        int secondSpace = firstSpace < 0 ? -1 : indexOf((byte) ' ', firstSpace + 1);
        if (firstSpace <= 0 || secondSpace < 0 || indexOf((byte) ' ', secondSpace + 1) >= 0) {
            throw new HttpException(400, "malformed request line");
        }
        for (int i = 0; i < firstSpace; i++) {
            if (!isTokenChar(line[i])) {
                throw new HttpException(400, "invalid method");
            }
        }
        if (secondSpace == firstSpace + 1) {
            throw new HttpException(400, "empty request target");
        }
        for (int i = firstSpace + 1; i < secondSpace; i++) {
            if (line[i] < 0x21 || line[i] > 0x7e) {
                throw new HttpException(400, "invalid character in request target");
            }
        }
        method = ascii(0, firstSpace);
        target = ascii(firstSpace + 1, secondSpace);
        version = parseVersion(secondSpace + 1);
        splitTarget = RequestRules.target(method, target);
    }

    private HttpVersion parseVersion(int start) throws HttpException {
        int length = lineLength - start;
        if (length != 8 || line[start] != 'H' || line[start + 1] != 'T' || line[start + 2] != 'T'
                || line[start + 3] != 'P' || line[start + 4] != '/' || !isDigit(line[start + 5])
                || line[start + 6] != '.' || !isDigit(line[start + 7])) {
            throw new HttpException(400, "malformed HTTP version");
        }
        if (line[start + 5] == '1' && line[start + 7] == '1') {
            return HttpVersion.HTTP_1_1;
        }
        if (line[start + 5] == '1' && line[start + 7] == '0') {
            return HttpVersion.HTTP_1_0;
        }
        throw new HttpException(505, "HTTP version not supported: " + ascii(start, lineLength));
    }

    private void parseFieldLine(boolean keep) throws HttpException {
        if (line[0] == ' ' || line[0] == '\t') {
            throw new HttpException(400, "obsolete line folding");
        }
        if (++headerCount > limits.maxHeaderCount()) {
            throw new HttpException(431, "too many header fields");
        }
        int colon = indexOf((byte) ':', 0);
        if (colon <= 0) {
            throw new HttpException(400, "header field without a name and colon");
        }
        for (int i = 0; i < colon; i++) {
            if (!isTokenChar(line[i])) {
                throw new HttpException(400, line[i] == ' ' || line[i] == '\t'
                        ? "whitespace before the colon of a header field" : "invalid header field name");
            }
        }
        int valueStart = colon + 1;
        int valueEnd = lineLength;
        while (valueStart < valueEnd && isWhitespace(line[valueStart])) {
            valueStart++;
        }
        while (valueEnd > valueStart && isWhitespace(line[valueEnd - 1])) {
            valueEnd--;
        }
        for (int i = valueStart; i < valueEnd; i++) {
            int b = line[i] & 0xff;
            if ((b < 0x20 && b != '\t') || b == 0x7f) {
                throw new HttpException(400, "control character in a header field value");
            }
        }
        if (keep) {
            headerNames.add(ascii(0, colon));
            headerValues.add(ascii(valueStart, valueEnd));
        }
    }

    /** Decides the body framing; returns the request when it has no body. */
    private HttpRequest endOfHeaders() throws HttpException {
        RequestRules.Framing framing =
                RequestRules.framing(version, new HttpHeaders(headerNames, headerValues), limits);
        if (framing.chunked()) {
            state = State.CHUNK_SIZE;
        } else if (framing.contentLength() > 0) {
            body = new byte[(int) framing.contentLength()];
            remaining = framing.contentLength();
            state = State.BODY;
        }
        continueRequested = framing.continueRequested();
        return framing.hasBody() ? null : complete();
    }

    private void parseChunkSize() throws HttpException {
        long size = 0;
        int i = 0;
        while (i < lineLength && hexValue(line[i]) >= 0) {
            if (i == MAX_CHUNK_SIZE_HEX_DIGITS) {
                throw new HttpException(413, "chunk too large");
            }
            size = size * 16 + hexValue(line[i]);
            i++;
        }
        if (i == 0) {
            throw new HttpException(400, "invalid chunk size");
        }
        int rest = i;
        while (rest < lineLength && isWhitespace(line[rest])) {
            rest++;
        }
        if (rest < lineLength && line[rest] != ';') {
            throw new HttpException(400, "invalid chunk size");
        }
        if (size == 0) {
            state = State.TRAILERS;
            return;
        }
        if (bodyLength + size > limits.maxBodyBytes()) {
            throw RequestRules.bodyTooLarge(limits);
        }
        int needed = (int) (bodyLength + size);
        if (needed > body.length) {
            body = Arrays.copyOf(body, Math.min(limits.maxBodyBytes(), Math.max(needed, body.length * 2)));
        }
        remaining = size;
        state = State.CHUNK_DATA;
    }

    private void copyBody(ByteBuffer in) {
        int n = (int) Math.min(remaining, in.remaining());
        in.get(body, bodyLength, n);
        bodyLength += n;
        remaining -= n;
    }

    private HttpRequest complete() {
        HttpHeaders headers = new HttpHeaders(headerNames, headerValues);
        byte[] requestBody = bodyLength == body.length ? body : Arrays.copyOf(body, bodyLength);
        HttpRequest request = new HttpRequest(method, target, splitTarget.path(), splitTarget.query(), version,
                headers, requestBody, RequestRules.keepAlive(version, headers));
        state = State.REQUEST_LINE;
        lineLength = 0;
        lineComplete = false;
        headerNames.clear();
        headerValues.clear();
        headerBytes = 0;
        headerCount = 0;
        body = NO_BODY;
        bodyLength = 0;
        remaining = 0;
        continueRequested = false; // a body that came with its headers needs no 100 Continue
        return request;
    }

    private int indexOf(byte wanted, int from) {
        for (int i = from; i < lineLength; i++) {
            if (line[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private String ascii(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static int hexValue(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static boolean isTokenChar(byte b) {
        return b >= 0 && TOKEN_CHARS[b];
    }

    private static boolean[] tokenChars() {
        boolean[] token = new boolean[128];
        for (char c = '0'; c <= '9'; c++) {
            token[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            token[c] = true;
            token[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            token[c] = true;
        }
        return token;
    }
}
