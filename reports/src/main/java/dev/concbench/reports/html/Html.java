package dev.concbench.reports.html;

/** Escaping for text and attribute values, and for data embedded in {@code <script>} elements. */
final class Html {

    private Html() {
    }

    /** Escapes text for element content and double-quoted attribute values. */
    static String escape(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Makes JSON safe inside a {@code <script type="application/json">} element: every {@code <}
     * (which JSON only allows inside strings) becomes the JSON escape {@code \u003c}, so no
     * {@code </script>} or {@code <!--} can end the element early.
     */
    static String scriptJson(String json) {
        return json.replace("<", "\\u003c");
    }

    /**
     * Makes JavaScript source safe to inline: {@code </script} becomes {@code <\/script}, which
     * means the same inside JavaScript strings and regular expressions, the only places it can
     * occur in valid code.
     */
    static String scriptSource(String javascript) {
        return javascript.replaceAll("(?i)</(script)", "<\\\\/$1");
    }
}
