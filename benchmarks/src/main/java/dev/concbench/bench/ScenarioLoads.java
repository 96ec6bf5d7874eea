package dev.concbench.bench;

import dev.concbench.client.LoadSpec;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;

/**
 * A scenario's load outside JMH, exactly as its benchmark class defines it: the class is made and
 * its {@code @Param} fields set from the parameters, as JMH does, so that a sweep offers the same
 * request with the same check as the scenario's closed-loop benchmark.
 */
final class ScenarioLoads {

    private final ServerBenchmark benchmark;

    private ScenarioLoads(ServerBenchmark benchmark) {
        this.benchmark = benchmark;
    }

    /**
     * The scenario's benchmark with these parameters.
     *
     * @throws IllegalArgumentException naming a parameter the scenario does not have, or a value of the wrong kind
     */
    static ScenarioLoads of(Scenario scenario, Map<String, String> params) {
        ServerBenchmark benchmark;
        try {
            benchmark = scenario.benchmarkClass().getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + scenario.benchmarkClass().getName(), e);
        }
        params.forEach((name, value) -> set(benchmark, scenario, name, value));
        return new ScenarioLoads(benchmark);
    }

    /** The load of one window against this target (closed loop, as the benchmark applies it). */
    LoadSpec load(InetSocketAddress target, Duration window) {
        return benchmark.loadSpec(target, window);
    }

    /** How long the server may stay busy with a window's requests after it ended (see {@link ServerBenchmark#queueDrain()}). */
    Duration queueDrain() {
        return benchmark.queueDrain();
    }

    private static void set(ServerBenchmark benchmark, Scenario scenario, String name, String value) {
        Field field;
        try {
            field = scenario.benchmarkClass().getField(name);
        } catch (NoSuchFieldException e) {
            throw new IllegalArgumentException("scenario " + scenario.label() + " has no parameter '" + name + "'");
        }
        try {
            if (field.getType() == int.class) {
                field.setInt(benchmark, Integer.parseInt(value));
            } else if (field.getType() == String.class) {
                field.set(benchmark, value);
            } else {
                throw new IllegalArgumentException("parameter '" + name + "' of " + scenario.label() + " is a "
                        + field.getType().getSimpleName() + ", which a sweep cannot set");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' of " + scenario.label()
                    + " must be a whole number, not '" + value + "'");
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot set " + name + " of " + scenario.label(), e);
        }
    }
}
