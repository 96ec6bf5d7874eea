package dev.concbench.servers;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A response as {@link RawConnection} read it off the wire.
 *
 * @param status the status code
 * @param reason the reason phrase
 * @param fields the header fields in order, names as sent
 * @param body   the body bytes (empty for HEAD and 100 Continue)
 */
record RawResponse(int status, String reason, List<Field> fields, byte[] body) {

    record Field(String name, String value) {
        @Override
        public String toString() {
            return name + ": " + value;
        }
    }

    /** The value of the first field with this name (case-insensitive), or {@code null}. */
    String header(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).findFirst().orElse(null);
    }

    /** The values of every field with this name (case-insensitive). */
    List<String> headers(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(Field::value).toList();
    }

    /** Whether the server says it closes the connection after this response. */
    boolean closes() {
        String connection = header("Connection");
        return connection != null && connection.equalsIgnoreCase("close");
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return status + " " + reason + " " + fields + " body=" + body.length + " bytes"
                + (body.length > 0 && body.length <= 200 ? " '" + bodyText() + "'" : "");
    }
}
