package dev.concbench.client;

import java.util.zip.CRC32C;

/**
 * What every response must be to count as a success. A response that fails the check is counted as
 * a {@link ErrorKind#STATUS} or {@link ErrorKind#BODY} error.
 *
 * @param status     the expected status code
 * @param bodyLength the expected body length in bytes, or {@link #ANY}
 * @param bodyCrc32c the expected CRC32C of the body, or {@link #ANY}; checksumming costs client CPU
 */
public record ResponseCheck(int status, long bodyLength, long bodyCrc32c) {

    public static final long ANY = -1;

    public ResponseCheck {
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must be a three-digit code, was " + status);
        }
        if (bodyLength < ANY) {
            throw new IllegalArgumentException("bodyLength must be positive or ANY, was " + bodyLength);
        }
        if (bodyCrc32c < ANY || bodyCrc32c > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("bodyCrc32c must be a 32-bit value or ANY, was " + bodyCrc32c);
        }
    }

    /** Expects this status, with any body. */
    public static ResponseCheck status(int status) {
        return new ResponseCheck(status, ANY, ANY);
    }

    public ResponseCheck withBodyLength(long length) {
        return new ResponseCheck(status, length, bodyCrc32c);
    }

    /** Expects exactly this body: its length and its CRC32C. */
    public ResponseCheck withBody(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return new ResponseCheck(status, body.length, crc.getValue());
    }

    /** Whether the body must be checksummed. */
    public boolean checksumsBody() {
        return bodyCrc32c != ANY;
    }

    /** Whether a body of this length and checksum (-1 when not computed) is the expected one. */
    public boolean bodyMatches(long length, long crc32c) {
        return (bodyLength == ANY || bodyLength == length) && (bodyCrc32c == ANY || bodyCrc32c == crc32c);
    }
}
