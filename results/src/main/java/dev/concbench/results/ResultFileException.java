package dev.concbench.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A result file could not be read. The message is one line: the file, a colon, the problem.
 */
public final class ResultFileException extends IOException {

    /** What went wrong, so callers can react without parsing the message. */
    public enum Problem {
        /** There is no such file. */
        MISSING,
        /** The file exists but could not be read (permissions, a directory, an I/O error). */
        UNREADABLE,
        /** The file is empty or its JSON stops in the middle. */
        TRUNCATED,
        /** The file is not JSON. */
        NOT_JSON,
        /** The file is JSON but not a concbench result (no {@code schema} field). */
        NOT_A_RESULT,
        /** The file's schema version is one this code does not read. */
        UNSUPPORTED_SCHEMA,
        /** The file has the right schema version but a field is missing, mistyped or out of range. */
        INVALID
    }

    private final Path file;
    private final Problem problem;

    public ResultFileException(Path file, Problem problem, String detail, Throwable cause) {
        super(file + ": " + oneLine(detail), cause);
        this.file = Objects.requireNonNull(file);
        this.problem = Objects.requireNonNull(problem);
    }

    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
