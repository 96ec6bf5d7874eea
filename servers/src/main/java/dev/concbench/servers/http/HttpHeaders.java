package dev.concbench.servers.http;

import java.util.ArrayList;
import java.util.List;

/** The header fields of a request, in arrival order; names are matched case-insensitively. */
public final class HttpHeaders {

    private final List<String> names;
    private final List<String> values;

    HttpHeaders(List<String> names, List<String> values) {
        this.names = List.copyOf(names);
        this.values = List.copyOf(values);
    }

    /**
     * The fields another decoder parsed (the Netty reference's): {@code names.get(i)} with
     * {@code values.get(i)}, in arrival order. The lists are copied.
     */
    public static HttpHeaders of(List<String> names, List<String> values) {
        if (names.size() != values.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + values.size() + " values");
        }
        return new HttpHeaders(names, values);
    }

    /** The number of fields. */
    public int size() {
        return names.size();
    }

    /** The value of the first field with this name, or {@code null}. */
    public String get(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** The values of every field with this name, in order; empty when there is none. */
    public List<String> all(String name) {
        List<String> found = new ArrayList<>(1);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                found.add(values.get(i));
            }
        }
        return found;
    }

    /** The name of field {@code index}, as sent. */
    public String name(int index) {
        return names.get(index);
    }

    /** The value of field {@code index}. */
    public String value(int index) {
        return values.get(index);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HttpHeaders that && names.equals(that.names) && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < names.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(names.get(i)).append(": ").append(values.get(i));
        }
        return text.append('}').toString();
    }
}
