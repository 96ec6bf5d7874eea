package dev.concbench.client.http;

import io.netty.buffer.ByteBuf;
import io.netty.util.ByteProcessor;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * An incremental HTTP/1.1 response decoder working directly on Netty buffers, for a client that
 * needs of each response only its status, its framing and its body length (and, when asked, a
 * checksum of its body).
 *
 * <p>Feed it every byte received on one connection, in order, with {@link #decode(ByteBuf)}: it
 * consumes bytes up to the end of one response and says when one is complete; the bytes of a
 * following (pipelined) response stay in the buffer for the next call. Nothing is copied and
 * nothing is allocated per response: the status line and headers are scanned byte by byte, the
 * body is skipped (and checksummed when asked). When the peer closes the connection, ask
 * {@link #endOfInput()} what that means for the response in progress.
 *
 * <p>Framing follows RFC 9112 §6.3: no body in a response to HEAD, nor in 1xx, 204 and 304
 * responses (1xx are interim: skipped, the final response follows); chunked when
 * {@code Transfer-Encoding} ends with {@code chunked} (it wins over {@code Content-Length});
 * else {@code Content-Length}; else the body runs until the server closes the connection.
 * The decoder is lenient where a client can afford to be (a bare LF ends a line, the reason phrase
 * may be missing) and strict where framing is at stake.
 *
 * <table>
 *   <caption>Limits; exceeding one makes the response malformed</caption>
 *   <tr><th>what</th><th>limit</th></tr>
 *   <tr><td>status line and header section, and trailer section</td><td>{@value #MAX_HEAD_BYTES} bytes</td></tr>
 *   <tr><td>a chunk-size line, extensions included</td><td>{@value #MAX_CHUNK_LINE_BYTES} bytes</td></tr>
 *   <tr><td>{@code Content-Length} and chunk sizes</td><td>{@value #MAX_LENGTH} bytes</td></tr>
 * </table>
 *
 * <p>Threading: one decoder per connection, confined to one thread at a time. After a
 * {@link MalformedResponseException} the decoder is unusable until {@link #reset()}.
 */
public final class ResponseDecoder {

    public static final int MAX_HEAD_BYTES = 64 * 1024;
    public static final int MAX_CHUNK_LINE_BYTES = 1024;
    public static final long MAX_LENGTH = 1L << 50;

    /** What the end of the input (the peer closed the connection) means for the current response. */
    public enum EndOfInput {
        /** No byte of a new response had arrived: a clean close between responses. */
        BETWEEN_RESPONSES,
        /** The close ended a body delimited by the connection's close: the response is complete. */
        COMPLETE,
        /** The close came in the middle of the status line or headers. */
        IN_HEAD,
        /** The close came in the middle of the body: the response is truncated. */
        IN_BODY
    }

    private enum State {
        STATUS_LINE, HEADER_LINE_START, HEADER_NAME, HEADER_VALUE,
        BODY_FIXED, BODY_UNTIL_CLOSE,
        CHUNK_SIZE, CHUNK_EXTENSION, CHUNK_DATA, CHUNK_DATA_END,
        TRAILER_LINE_START, TRAILER_LINE,
        COMPLETE
    }

    private enum HeaderName { CONTENT_LENGTH, TRANSFER_ENCODING, CONNECTION, OTHER }

    private static final byte[] HTTP_1_PREFIX = {'H', 'T', 'T', 'P', '/', '1', '.'};
    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final int NAME_CAPACITY = 32;
    private static final int VALUE_CAPACITY = 256;

    private final boolean responsesHaveNoBody;
    private final CRC32C checksum;
    private final ByteProcessor lineScanner = this::scan;
    private final byte[] name = new byte[NAME_CAPACITY];
    private final byte[] value = new byte[VALUE_CAPACITY];

    private State state;
    private String error;
    private int headBytes;
    private int chunkLineBytes;
    private int chunkDigits;

    // The status line.
    private int statusPosition;
    private int minorVersion;
    private int status;

    // The header being scanned.
    private int nameLength;
    private HeaderName headerName;
    private int valueLength;
    private long numberValue;
    private boolean numberEnded;

    // What the headers said.
    private long contentLength;
    private boolean transferEncoding;
    private boolean chunked;
    private boolean connectionClose;
    private boolean connectionKeepAlive;

    // The body.
    private long remaining;
    private long bodyLength;
    private boolean untilClose;

    /**
     * @param responsesToHead true when every request on the connection is a HEAD request, whose
     *                        responses carry no body whatever their headers say
     * @param checksumBody    true to compute a CRC32C of every body ({@link #bodyChecksum()})
     */
    public ResponseDecoder(boolean responsesToHead, boolean checksumBody) {
        this.responsesHaveNoBody = responsesToHead;
        this.checksum = checksumBody ? new CRC32C() : null;
        reset();
    }

    /** Forgets everything, for a new connection. */
    public void reset() {
        state = State.STATUS_LINE;
        error = null;
        beginResponse();
    }

    /**
     * Consumes bytes of {@code in} up to the end of one response.
     *
     * @return true when a response was completed, its facts readable until the next call; false
     *         when every readable byte was consumed and the response needs more
     * @throws MalformedResponseException if the bytes are not a valid response
     */
    public boolean decode(ByteBuf in) throws MalformedResponseException {
        if (error != null) {
            throw new MalformedResponseException(error);
        }
        while (in.isReadable()) {
            switch (state) {
                case BODY_FIXED, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, in.readableBytes());
                    consumeBody(in, n);
                    remaining -= n;
                    if (remaining == 0) {
                        if (state == State.BODY_FIXED) {
                            finishResponse();
                            return true;
                        }
                        state = State.CHUNK_DATA_END;
                    }
                }
                case BODY_UNTIL_CLOSE -> consumeBody(in, in.readableBytes());
                default -> {
                    int stop = in.forEachByte(lineScanner);
                    if (error != null) {
                        throw new MalformedResponseException(error);
                    }
                    if (stop < 0) {
                        in.readerIndex(in.writerIndex());
                    } else {
                        in.readerIndex(stop + 1);
                        if (state == State.COMPLETE) {
                            finishResponse();
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * Says what the peer closing the connection means for the response in progress. When the
     * answer is {@link EndOfInput#COMPLETE}, the response's facts are readable as after
     * {@link #decode} returned true.
     */
    public EndOfInput endOfInput() {
        return switch (state) {
            case BODY_UNTIL_CLOSE -> {
                untilClose = true;
                finishResponse();
                yield EndOfInput.COMPLETE;
            }
            case STATUS_LINE -> statusPosition == 0 && headBytes == 0
                    ? EndOfInput.BETWEEN_RESPONSES : EndOfInput.IN_HEAD;
            case HEADER_LINE_START, HEADER_NAME, HEADER_VALUE -> EndOfInput.IN_HEAD;
            default -> EndOfInput.IN_BODY;
        };
    }

    /** The status code of the completed response. */
    public int status() {
        return status;
    }

    /** The body length of the completed response, in bytes (for chunked bodies: the data only). */
    public long bodyLength() {
        return bodyLength;
    }

    /** The CRC32C of the completed response's body, or -1 if checksums are off. */
    public long bodyChecksum() {
        return checksum == null ? -1 : checksum.getValue();
    }

    /** Whether the connection may carry another response after the completed one. */
    public boolean keepAlive() {
        if (untilClose || connectionClose) {
            return false;
        }
        return minorVersion >= 1 || connectionKeepAlive;
    }

    /** Readies the scanner for the next response; the completed one's facts stay readable. */
    private void finishResponse() {
        state = State.STATUS_LINE;
        statusPosition = 0;
        headBytes = 0;
    }

    private void beginResponse() {
        headBytes = 0;
        statusPosition = 0;
        minorVersion = 0;
        status = 0;
        contentLength = -1;
        transferEncoding = false;
        chunked = false;
        connectionClose = false;
        connectionKeepAlive = false;
        remaining = 0;
        bodyLength = 0;
        untilClose = false;
        if (checksum != null) {
            checksum.reset();
        }
    }

    private void consumeBody(ByteBuf in, int n) {
        bodyLength += n;
        if (checksum != null && n > 0) {
            int index = in.readerIndex();
            if (in.hasArray()) {
                checksum.update(in.array(), in.arrayOffset() + index, n);
            } else if (in.nioBufferCount() == 1) {
                checksum.update(in.internalNioBuffer(index, n));
            } else {
                for (ByteBuffer part : in.nioBuffers(index, n)) {
                    checksum.update(part);
                }
            }
        }
        in.skipBytes(n);
    }

    /** The line-oriented part of the state machine; returns false to stop the scan. */
    private boolean scan(byte b) {
        return switch (state) {
            case STATUS_LINE -> statusLine(b);
            case HEADER_LINE_START -> headerLineStart(b);
            case HEADER_NAME -> headerName(b);
            case HEADER_VALUE -> headerValue(b);
            case CHUNK_SIZE, CHUNK_EXTENSION -> chunkSizeLine(b);
            case CHUNK_DATA_END -> chunkDataEnd(b);
            case TRAILER_LINE_START, TRAILER_LINE -> trailer(b);
            default -> fail("decoder scanned a byte in state " + state);
        };
    }

    private boolean countHeadByte() {
        if (++headBytes > MAX_HEAD_BYTES) {
            return fail("header section longer than " + MAX_HEAD_BYTES + " bytes");
        }
        return true;
    }

    private boolean statusLine(byte b) {
        if (statusPosition == 0 && headBytes == 0) {
            beginResponse();
        }
        if (!countHeadByte()) {
            return false;
        }
        if (b == '\n') {
            if (statusPosition < 12) {
                return fail("status line too short");
            }
            state = State.HEADER_LINE_START;
            return true;
        }
        if (b == '\r') {
            return true;
        }
        int position = statusPosition++;
        if (position < HTTP_1_PREFIX.length) {
            return b == HTTP_1_PREFIX[position] || fail("response does not start with HTTP/1.");
        }
        if (position == 7) {
            if (b != '0' && b != '1') {
                return fail("unsupported HTTP version 1." + (char) b);
            }
            minorVersion = b - '0';
            return true;
        }
        if (position == 8) {
            return b == ' ' || fail("no space after the HTTP version");
        }
        if (position <= 11) {
            if (b < '0' || b > '9') {
                return fail("status code is not three digits");
            }
            status = status * 10 + (b - '0');
            return true;
        }
        if (position == 12) {
            return b == ' ' || fail("no space after the status code");
        }
        return true; // the reason phrase, ignored
    }

    private boolean headerLineStart(byte b) {
        if (!countHeadByte()) {
            return false;
        }
        switch (b) {
            case '\r' -> {
                return true;
            }
            case '\n' -> {
                return endOfHead();
            }
            case ' ', '\t' -> {
                return fail("obsolete header line folding");
            }
            default -> {
                if (!isTokenChar(b)) {
                    return fail("invalid character in a header name");
                }
                nameLength = 0;
                appendName(b);
                state = State.HEADER_NAME;
                return true;
            }
        }
    }

    private boolean headerName(byte b) {
        if (!countHeadByte()) {
            return false;
        }
        if (b == ':') {
            headerName = nameOf();
            valueLength = 0;
            numberValue = -1;
            numberEnded = false;
            state = State.HEADER_VALUE;
            return true;
        }
        if (!isTokenChar(b)) {
            return fail("invalid character in a header name");
        }
        appendName(b);
        return true;
    }

    private boolean headerValue(byte b) {
        if (!countHeadByte()) {
            return false;
        }
        if (b == '\n') {
            state = State.HEADER_LINE_START;
            return endOfHeader();
        }
        if (b == '\r') {
            return true;
        }
        switch (headerName) {
            case CONTENT_LENGTH -> {
                if (b == ' ' || b == '\t') {
                    numberEnded = numberValue >= 0;
                    return true;
                }
                if (b < '0' || b > '9' || numberEnded) {
                    return fail("invalid Content-Length");
                }
                numberValue = (numberValue < 0 ? 0 : numberValue * 10) + (b - '0');
                return numberValue <= MAX_LENGTH || fail("Content-Length too large");
            }
            case TRANSFER_ENCODING, CONNECTION -> {
                if (valueLength == VALUE_CAPACITY) {
                    return headerName == HeaderName.CONNECTION || fail("Transfer-Encoding too long");
                }
                value[valueLength++] = toLowerCase(b);
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    private boolean endOfHeader() {
        switch (headerName) {
            case CONTENT_LENGTH -> {
                if (numberValue < 0) {
                    return fail("empty Content-Length");
                }
                if (contentLength >= 0 && contentLength != numberValue) {
                    return fail("conflicting Content-Length headers");
                }
                contentLength = numberValue;
            }
            case TRANSFER_ENCODING -> {
                transferEncoding = true;
                chunked = lastTokenIs("chunked");
            }
            case CONNECTION -> {
                connectionClose |= hasToken("close");
                connectionKeepAlive |= hasToken("keep-alive");
            }
            default -> {
                // not needed by the client
            }
        }
        return true;
    }

    private boolean endOfHead() {
        headBytes = 0;
        if (status >= 100 && status < 200) {
            if (status == 101) {
                return fail("unexpected 101 Switching Protocols");
            }
            state = State.STATUS_LINE; // interim response: the final one follows
            statusPosition = 0;
            return true;
        }
        if (responsesHaveNoBody || status == 204 || status == 304) {
            return complete();
        }
        if (transferEncoding) {
            state = chunked ? State.CHUNK_SIZE : State.BODY_UNTIL_CLOSE;
            remaining = 0;
            chunkLineBytes = 0;
            chunkDigits = 0;
            return chunked; // the chunk-size line is scanned on, a body until close is not
        }
        if (contentLength == 0) {
            return complete();
        }
        if (contentLength > 0) {
            remaining = contentLength;
            state = State.BODY_FIXED;
            return false;
        }
        state = State.BODY_UNTIL_CLOSE;
        return false;
    }

    private boolean chunkSizeLine(byte b) {
        if (++chunkLineBytes > MAX_CHUNK_LINE_BYTES) {
            return fail("chunk-size line longer than " + MAX_CHUNK_LINE_BYTES + " bytes");
        }
        if (b == '\n') {
            if (chunkDigits == 0) {
                return fail("missing chunk size");
            }
            chunkLineBytes = 0;
            chunkDigits = 0;
            if (remaining == 0) {
                state = State.TRAILER_LINE_START;
                return true;
            }
            state = State.CHUNK_DATA;
            return false;
        }
        if (b == '\r' || state == State.CHUNK_EXTENSION) {
            return true;
        }
        if (b == ';' || b == ' ' || b == '\t') {
            state = State.CHUNK_EXTENSION;
            return chunkDigits > 0 || fail("missing chunk size");
        }
        int digit = Character.digit(b, 16);
        if (digit < 0) {
            return fail("invalid chunk size");
        }
        chunkDigits++;
        remaining = remaining * 16 + digit;
        return remaining <= MAX_LENGTH || fail("chunk size too large");
    }

    private boolean chunkDataEnd(byte b) {
        if (b == '\r') {
            return true;
        }
        if (b != '\n') {
            return fail("chunk data longer than its size");
        }
        state = State.CHUNK_SIZE;
        remaining = 0;
        chunkLineBytes = 0;
        chunkDigits = 0;
        return true;
    }

    private boolean trailer(byte b) {
        if (!countHeadByte()) {
            return false;
        }
        if (b == '\n') {
            if (state == State.TRAILER_LINE_START) {
                return complete();
            }
            state = State.TRAILER_LINE_START;
            return true;
        }
        if (b != '\r') {
            state = State.TRAILER_LINE;
        }
        return true;
    }

    private boolean complete() {
        state = State.COMPLETE;
        return false;
    }

    private boolean fail(String message) {
        error = message;
        return false;
    }

    private void appendName(byte b) {
        if (nameLength < NAME_CAPACITY) {
            name[nameLength] = toLowerCase(b);
        }
        nameLength++;
    }

    private HeaderName nameOf() {
        if (nameEquals(CONTENT_LENGTH)) {
            return HeaderName.CONTENT_LENGTH;
        }
        if (nameEquals(TRANSFER_ENCODING)) {
            return HeaderName.TRANSFER_ENCODING;
        }
        if (nameEquals(CONNECTION)) {
            return HeaderName.CONNECTION;
        }
        return HeaderName.OTHER;
    }

    private boolean nameEquals(byte[] expected) {
        if (nameLength != expected.length) {
            return false;
        }
        for (int i = 0; i < nameLength; i++) {
            if (name[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the comma-separated header value has this (lower-case) token. */
    private boolean hasToken(String token) {
        int start = 0;
        for (int i = 0; i <= valueLength; i++) {
            if (i == valueLength || value[i] == ',') {
                if (tokenEquals(start, i, token)) {
                    return true;
                }
                start = i + 1;
            }
        }
        return false;
    }

    private boolean lastTokenIs(String token) {
        int start = 0;
        for (int i = 0; i < valueLength; i++) {
            if (value[i] == ',') {
                start = i + 1;
            }
        }
        return tokenEquals(start, valueLength, token);
    }

    private boolean tokenEquals(int from, int to, String token) {
        while (from < to && isWhitespace(value[from])) {
            from++;
        }
        while (to > from && isWhitespace(value[to - 1])) {
            to--;
        }
        if (to - from != token.length()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            if (value[from + i] != token.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean isTokenChar(byte b) {
        return b > ' ' && b < 127 && b != ':' && b != '"' && b != '(' && b != ')' && b != ','
                && b != '/' && b != ';' && b != '<' && b != '=' && b != '>' && b != '?' && b != '@'
                && b != '[' && b != '\\' && b != ']' && b != '{' && b != '}';
    }

    private static byte toLowerCase(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
