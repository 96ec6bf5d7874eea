package dev.concbench.servers.http;

/**
 * The limits of the request parser, the same for every model.
 *
 * <table>
 *   <caption>Limits, defaults and the status sent when one is exceeded</caption>
 *   <tr><th>limit</th><th>default</th><th>status when exceeded</th></tr>
 *   <tr><td>{@code maxRequestLineBytes}: request line, without CRLF</td><td>8 KiB</td>
 *       <td>414 URI Too Long</td></tr>
 *   <tr><td>{@code maxHeaderBytes}: header section, all field lines with their CRLFs
 *       (chunked trailers count too)</td><td>16 KiB</td>
 *       <td>431 Request Header Fields Too Large</td></tr>
 *   <tr><td>{@code maxHeaderCount}: number of header fields (trailers included)</td><td>100</td>
 *       <td>431 Request Header Fields Too Large</td></tr>
 *   <tr><td>{@code maxBodyBytes}: request body, after chunked decoding</td><td>1 MiB</td>
 *       <td>413 Content Too Large</td></tr>
 * </table>
 *
 * <p>Beyond the limits: an HTTP version other than 1.0 or 1.1 gets 505; anything else that breaks
 * RFC 9112 gets 400. Every such response carries {@code Connection: close}.
 */
public record HttpLimits(int maxRequestLineBytes, int maxHeaderBytes, int maxHeaderCount, int maxBodyBytes) {

    public static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 8 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_MAX_HEADER_COUNT = 100;
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public HttpLimits {
        requirePositive("maxRequestLineBytes", maxRequestLineBytes);
        requirePositive("maxHeaderBytes", maxHeaderBytes);
        requirePositive("maxHeaderCount", maxHeaderCount);
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must not be negative, was " + maxBodyBytes);
        }
    }

    public static HttpLimits defaults() {
        return new HttpLimits(DEFAULT_MAX_REQUEST_LINE_BYTES, DEFAULT_MAX_HEADER_BYTES,
                DEFAULT_MAX_HEADER_COUNT, DEFAULT_MAX_BODY_BYTES);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
