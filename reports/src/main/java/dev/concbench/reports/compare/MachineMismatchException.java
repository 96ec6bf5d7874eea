package dev.concbench.reports.compare;

/** Runs from different machines were compared without allowing it. The message is one line. */
public final class MachineMismatchException extends IllegalArgumentException {

    public MachineMismatchException(String message) {
        super(message);
    }
}
