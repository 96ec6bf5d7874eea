package dev.concbench.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ObjectiveTest {

    @Test
    void aLabelIsWrittenAsAUserWouldWriteIt() {
        assertThat(objective(99, 10).label()).isEqualTo("p99<10ms");
        assertThat(objective(99, 2.5).label()).isEqualTo("p99<2.5ms");
        assertThat(objective(99, 1_000).label()).isEqualTo("p99<1s");
        assertThat(objective(50, 1_500).label()).isEqualTo("p50<1.5s");
        assertThat(objective(99, 999.5).label()).isEqualTo("p99<999.5ms");
        assertThat(objective(99.9, 0.5).label()).isEqualTo("p99.9<500us");
        assertThat(objective(99.99, 0.0005).label()).isEqualTo("p99.99<0.5us");
        assertThat(objective(0.0001, 1e7).label()).isEqualTo("p0.0001<10000s");
    }

    @Test
    void everyLabelReadsBackAsTheSameObjective() {
        List<Objective> objectives = new ArrayList<>();
        for (double percentile : new double[] {0.0001, 1, 50, 99, 99.9, 99.99, 99.999999}) {
            for (double limitMs : new double[] {1e-9, 0.0005, 0.001, 0.1, 0.999, 1, 2.5, 10, 999.9999, 1_000, 1_000.5,
                    1_100, 86_400_000, 1e15, Double.MAX_VALUE}) {
                objectives.add(objective(percentile, limitMs));
            }
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            double percentile = random.nextDouble(Double.MIN_VALUE, 100);
            double limitMs = Math.pow(10, random.nextDouble(-6, 9));
            objectives.add(objective(percentile, limitMs));
        }

        assertThat(objectives).allSatisfy(o -> assertThat(Objective.parse(o.label())).as(o.label()).isEqualTo(o));
    }

    @Test
    void aLimitReadsTheSameInAnyUnit() {
        assertThat(Objective.parse("p99<1000ms")).isEqualTo(Objective.parse("p99<1s"));
        assertThat(Objective.parse("p99.9<0.5ms")).isEqualTo(Objective.parse("p99.9<500us"));
        assertThat(Objective.parse("p50<1.1s").limitMs()).isEqualTo(1_100);
    }

    private static Objective objective(double percentile, double limitMs) {
        return new Objective(percentile, limitMs, Objective.DEFAULT_MAX_ERROR_SHARE,
                Objective.DEFAULT_MIN_ACHIEVED_SHARE);
    }
}
