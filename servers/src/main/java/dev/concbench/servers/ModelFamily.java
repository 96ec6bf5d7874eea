package dev.concbench.servers;

/**
 * How a model schedules work, in the families the reports keep together, in the order they tell
 * the story: one request at a time, a thread per connection, event loops, event loops handing the
 * application to workers, and the references that use other HTTP code.
 */
public enum ModelFamily {
    /** Serves one request at a time, whoever waits (iterative, process). */
    ONE_AT_A_TIME("one request at a time"),
    /** A thread (or a worker process) blocks on each connection it serves (thread, virtual, pool, prefork). */
    THREAD_PER_CONNECTION("a thread per connection"),
    /** Non-blocking loops run the application themselves (selector, netty). */
    EVENT_LOOP("event loops"),
    /** Non-blocking loops read and parse; workers run the application. */
    EVENT_LOOP_WITH_WORKERS("event loops with workers"),
    /** Servers built on other HTTP code, for comparison (the JDK's own server). */
    REFERENCE("references");

    private final String label;

    ModelFamily(String label) {
        this.label = label;
    }

    /** The family as the reports name it, e.g. {@code event loops}. */
    public String label() {
        return label;
    }
}
