package dev.concbench.results;

import java.util.Objects;

/**
 * The capacity at an objective, as a bracket: the highest offered rate that met it and the lowest
 * that did not, never one number without the other side.
 *
 * @param lastPassRate  the highest offered rate (requests/s) that met the objective, or {@code null}
 *                      when none did
 * @param firstFailRate the lowest offered rate above it that did not, or {@code null} when none failed
 * @param outcome       how the search ended
 * @param reason        one sentence on the outcome, e.g. which term failed at {@code firstFailRate}
 */
public record Capacity(Double lastPassRate, Double firstFailRate, CapacityOutcome outcome, String reason) {

    public Capacity {
        Checks.notNegativeOrNull(lastPassRate, "capacity lastPassRate");
        Checks.notNegativeOrNull(firstFailRate, "capacity firstFailRate");
        Objects.requireNonNull(outcome, "capacity outcome");
        Checks.notBlank(reason, "capacity reason");
        if (lastPassRate != null && firstFailRate != null && lastPassRate >= firstFailRate) {
            throw new IllegalArgumentException("capacity lastPassRate " + lastPassRate
                    + " must be below firstFailRate " + firstFailRate);
        }
        boolean complete = switch (outcome) {
            case BRACKETED -> lastPassRate != null && firstFailRate != null;
            case CLIENT_LIMITED -> firstFailRate != null;
            case FAILED_AT_LOWEST -> lastPassRate == null && firstFailRate != null;
            case INCONCLUSIVE -> true;
        };
        if (!complete) {
            throw new IllegalArgumentException("capacity " + outcome.label() + " needs "
                    + (outcome == CapacityOutcome.FAILED_AT_LOWEST ? "no passing rate and a failing one"
                    : outcome == CapacityOutcome.CLIENT_LIMITED ? "the rate the client failed at" : "both rates"));
        }
    }
}
