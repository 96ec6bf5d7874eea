package dev.concbench.reports.markdown;

import java.util.ArrayList;
import java.util.List;

/** Builds a GitHub-flavoured Markdown table; cells are escaped so that they cannot break the table. */
final class MarkdownTable {

    private final List<String> headers;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Headers ending in {@code >} are right-aligned (the marker is removed). */
    MarkdownTable(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new ArrayList<>();
        for (String header : headers) {
            boolean right = header.endsWith(">");
            this.headers.add(right ? header.substring(0, header.length() - 1) : header);
            this.rightAligned.add(right);
        }
    }

    MarkdownTable row(String... cells) {
        return row(List.of(cells));
    }

    MarkdownTable row(List<String> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size());
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render() {
        var out = new StringBuilder();
        line(out, headers.stream().map(MarkdownTable::escape).toList());
        var rule = new ArrayList<String>();
        for (boolean right : rightAligned) {
            rule.add(right ? "--:" : "---");
        }
        line(out, rule);
        rows.forEach(row -> line(out, row.stream().map(MarkdownTable::escape).toList()));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    /** Escapes pipes and flattens line breaks. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
