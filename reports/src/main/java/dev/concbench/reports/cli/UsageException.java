package dev.concbench.reports.cli;

/** The command line is wrong; the message is one line saying what and how to fix it. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
