package dev.concbench.reports.html;

import java.util.List;
import java.util.Map;

/**
 * One colour per model, the same in every chart, distinguishable in colour and in grey print;
 * the reference model (netty) is drawn dashed.
 */
final class ModelStyle {

    private static final Map<String, String> COLORS = Map.of(
            "iterative", "#8c6d31",
            "process", "#e6550d",
            "prefork", "#d6a300",
            "thread", "#31a354",
            "pool", "#17becf",
            "virtual", "#3182bd",
            "selector", "#9467bd",
            "reactors", "#e377c2",
            "netty", "#404040");

    private static final List<String> SPARE = List.of("#7f7f7f", "#bcbd22", "#8c564b", "#1f77b4", "#ff7f0e");

    private ModelStyle() {
    }

    static String color(String model) {
        String known = COLORS.get(model);
        return known != null ? known : SPARE.get(Math.floorMod(model.hashCode(), SPARE.size()));
    }

    static boolean dashed(String model) {
        return model.equals("netty");
    }

    /** Colours for machine columns. */
    static String machineColor(int index) {
        List<String> palette = List.of("#3182bd", "#e6550d", "#31a354", "#9467bd", "#8c6d31", "#17becf", "#404040");
        return palette.get(index % palette.size());
    }
}
