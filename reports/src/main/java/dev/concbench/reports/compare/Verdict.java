package dev.concbench.reports.compare;

/** The outcome of comparing a candidate with its baseline. */
public enum Verdict {
    /** Significantly worse: outside the noise and beyond the minimum effect, in the bad direction. */
    REGRESSION("regression"),
    /** Significantly better. */
    IMPROVEMENT("improvement"),
    /** Inside the noise or below the minimum effect. */
    NO_CHANGE("no significant change"),
    /** Not judged: a side failed or measured nothing, or too few pairs (A/B runs), with the reason beside it. */
    NOT_JUDGED("not judged");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** Lower-case words for reports. */
    public String label() {
        return label;
    }

    /**
     * The worse of two verdicts: a regression wins over an improvement, which wins over no change,
     * which wins over not judged.
     */
    public static Verdict combine(Verdict a, Verdict b) {
        if (a == REGRESSION || b == REGRESSION) {
            return REGRESSION;
        }
        if (a == IMPROVEMENT || b == IMPROVEMENT) {
            return IMPROVEMENT;
        }
        return a == NO_CHANGE || b == NO_CHANGE ? NO_CHANGE : NOT_JUDGED;
    }
}
