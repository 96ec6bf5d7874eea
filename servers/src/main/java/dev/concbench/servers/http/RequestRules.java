package dev.concbench.servers.http;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules this codec applies to a request head once it is split into method, target, version
 * and header fields: the form of the target, {@code Host}, the framing of the body,
 * {@code Expect}, and whether the connection persists. {@link RequestParser} applies them to the
 * heads it reads; the Netty reference applies them to the heads Netty's decoder split, so that
 * both reject the same requests with the same status and reason. Stateless.
 */
public final class RequestRules {

    private static final int MAX_CONTENT_LENGTH_DIGITS = 18;

    /**
     * A request target split for the application.
     *
     * @param path  the path, without the query ({@code *} for the asterisk form)
     * @param query the raw query after {@code ?}, or {@code ""}
     */
    public record Target(String path, String query) {
    }

    /**
     * How the body of a request is framed.
     *
     * @param chunked           whether the body is chunked
     * @param contentLength     the body's length when not chunked (0 when there is no body)
     * @param continueRequested whether the client waits for {@code 100 Continue} before sending
     *                          the body
     */
    public record Framing(boolean chunked, long contentLength, boolean continueRequested) {

        /** Whether a body follows the head. */
        public boolean hasBody() {
            return chunked || contentLength > 0;
        }
    }

    private RequestRules() {
    }

    /**
     * Checks a request target (origin-form, absolute-form, or {@code *} for OPTIONS; visible ASCII;
     * no fragment) and splits it into path and query.
     */
    public static Target target(String method, String target) throws HttpException {
        if (target.isEmpty()) {
            throw new HttpException(400, "empty request target");
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new HttpException(400, "invalid character in request target");
            }
        }
        String pathAndQuery;
        if (target.startsWith("/")) {
            pathAndQuery = target;
        } else if (target.equals("*")) {
            if (!method.equals("OPTIONS")) {
                throw new HttpException(400, "asterisk-form target is for OPTIONS only");
            }
            pathAndQuery = "*";
        } else if (startsWithIgnoreCase(target, "http://") || startsWithIgnoreCase(target, "https://")) {
            int authorityStart = target.indexOf("://") + 3;
            int pathStart = indexOfAny(target, "/?", authorityStart);
            if (pathStart == authorityStart) {
                throw new HttpException(400, "absolute-form target without authority");
            }
            pathAndQuery = pathStart < 0 ? "/" : target.substring(pathStart);
            if (pathAndQuery.startsWith("?")) {
                pathAndQuery = "/" + pathAndQuery;
            }
        } else {
            throw new HttpException(400, "unsupported request target form");
        }
        if (pathAndQuery.indexOf('#') >= 0) {
            throw new HttpException(400, "fragment in request target");
        }
        int question = pathAndQuery.indexOf('?');
        return question < 0
                ? new Target(pathAndQuery, "")
                : new Target(pathAndQuery.substring(0, question), pathAndQuery.substring(question + 1));
    }

    /**
     * Checks the header section and decides the body's framing: HTTP/1.1 needs exactly one Host;
     * Content-Length is digits only and duplicates must agree; Content-Length with
     * Transfer-Encoding is rejected; the only transfer coding is {@code chunked} (501 otherwise);
     * a declared body larger than {@link HttpLimits#maxBodyBytes()} gets 413; the only expectation
     * is {@code 100-continue} (417 otherwise); more than {@link HttpLimits#maxHeaderCount()} fields
     * get 431.
     */
    public static Framing framing(HttpVersion version, HttpHeaders headers, HttpLimits limits) throws HttpException {
        if (headers.size() > limits.maxHeaderCount()) {
            throw new HttpException(431, "too many header fields");
        }
        int hosts = headers.all("Host").size();
        if (hosts > 1 || (hosts == 0 && version == HttpVersion.HTTP_1_1)) {
            throw new HttpException(400, hosts == 0 ? "missing Host header" : "more than one Host header");
        }
        List<String> transferEncodings = headers.all("Transfer-Encoding");
        List<String> contentLengths = headers.all("Content-Length");
        boolean chunked = false;
        long contentLength = 0;
        if (!transferEncodings.isEmpty()) {
            if (!contentLengths.isEmpty()) {
                throw new HttpException(400, "both Content-Length and Transfer-Encoding");
            }
            if (version == HttpVersion.HTTP_1_0) {
                throw new HttpException(400, "Transfer-Encoding in an HTTP/1.0 request");
            }
            List<String> codings = commaSeparated(transferEncodings);
            if (codings.size() != 1 || !codings.getFirst().equalsIgnoreCase("chunked")) {
                throw new HttpException(501, "transfer coding not supported: " + String.join(", ", codings));
            }
            chunked = true;
        } else if (!contentLengths.isEmpty()) {
            contentLength = contentLength(contentLengths);
            if (contentLength > limits.maxBodyBytes()) {
                throw bodyTooLarge(limits);
            }
        }
        boolean continueRequested = false;
        String expect = headers.get("Expect");
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                throw new HttpException(417, "unsupported expectation: " + expect);
            }
            continueRequested = (chunked || contentLength > 0) && version == HttpVersion.HTTP_1_1;
        }
        return new Framing(chunked, contentLength, continueRequested);
    }

    /**
     * Whether the connection may serve another request: not when {@code Connection} says
     * {@code close}; by default for HTTP/1.1; for HTTP/1.0 only when it says {@code keep-alive}.
     */
    public static boolean keepAlive(HttpVersion version, HttpHeaders headers) {
        boolean close = false;
        boolean keepAliveToken = false;
        for (String option : commaSeparated(headers.all("Connection"))) {
            close |= option.equalsIgnoreCase("close");
            keepAliveToken |= option.equalsIgnoreCase("keep-alive");
        }
        return !close && (version == HttpVersion.HTTP_1_1 || keepAliveToken);
    }

    /** 414: a request line longer than {@link HttpLimits#maxRequestLineBytes()}. */
    public static HttpException requestLineTooLong() {
        return new HttpException(414, "request line too long");
    }

    /** 431: a header section larger than {@link HttpLimits#maxHeaderBytes()}. */
    public static HttpException headerSectionTooLarge() {
        return new HttpException(431, "header section too large");
    }

    /** 400: a line ended by LF alone. */
    public static HttpException bareLineFeed() {
        return new HttpException(400, "line not terminated by CRLF");
    }

    /** The 413 for a body, declared or decoded so far, larger than {@link HttpLimits#maxBodyBytes()}. */
    public static HttpException bodyTooLarge(HttpLimits limits) {
        return new HttpException(413, "body larger than " + limits.maxBodyBytes() + " bytes");
    }

    private static long contentLength(List<String> fields) throws HttpException {
        long length = -1;
        for (String value : commaSeparated(fields)) {
            if (value.isEmpty()) {
                throw new HttpException(400, "invalid Content-Length");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c < '0' || c > '9') {
                    throw new HttpException(400, "invalid Content-Length");
                }
            }
            // more digits than a long holds is a valid length far beyond any body limit
            long parsed = value.length() > MAX_CONTENT_LENGTH_DIGITS ? Long.MAX_VALUE : Long.parseLong(value);
            if (length >= 0 && parsed != length) {
                throw new HttpException(400, "conflicting Content-Length values");
            }
            length = parsed;
        }
        return length;
    }

    private static List<String> commaSeparated(List<String> fields) {
        List<String> items = new ArrayList<>(fields.size());
        for (String field : fields) {
            for (String item : field.split(",", -1)) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static int indexOfAny(String text, String chars, int from) {
        for (int i = from; i < text.length(); i++) {
            if (chars.indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWithIgnoreCase(String text, String prefix) {
        return text.regionMatches(true, 0, prefix, 0, prefix.length());
    }
}
