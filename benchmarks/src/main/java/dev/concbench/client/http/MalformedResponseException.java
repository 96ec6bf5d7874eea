package dev.concbench.client.http;

/**
 * The peer sent bytes that are not a valid HTTP/1.1 response. The connection cannot be used any
 * further. Carries no stack trace: it describes the peer's bytes, not our code.
 */
public final class MalformedResponseException extends Exception {

    public MalformedResponseException(String message) {
        super(message, null, false, false);
    }
}
