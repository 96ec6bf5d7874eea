package dev.concbench.bench.suite;

import dev.concbench.servers.ServerModel;
import java.util.Objects;

/**
 * What the result file records of a model besides its name.
 *
 * @param family    the model's family as the reports group it, e.g. {@code event loops}
 * @param reference whether it answers through other HTTP code than the shared codec
 */
record ModelFacts(String family, boolean reference) {

    ModelFacts {
        Objects.requireNonNull(family, "family");
    }

    static ModelFacts of(ServerModel model) {
        return new ModelFacts(model.family().label(), model.reference());
    }
}
