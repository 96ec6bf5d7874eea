package dev.concbench.reports.html;

import java.util.List;

/**
 * What the page's chart code draws, as plain data: the Java side decides every number, colour
 * and flag; {@code charts.js} only turns this into ECharts options. Serialised to JSON with
 * null fields left out.
 *
 * @param id           the element id of the chart's container
 * @param kind         {@code lines} (against a numeric x), {@code spectrum} (latency by percentile,
 *                     one set of series per variant), {@code bars} (one bar per category),
 *                     {@code dots} (horizontal dot plot, one row per category), {@code curve}
 *                     (latency against a rate: lines on log axes, base 10, with a threshold line)
 *                     or {@code brackets} (one capacity bracket per category: low to high, an open
 *                     end drawn as an arrow, the point's flag the capacity outcome)
 * @param title        shown above the chart
 * @param xName        x axis name
 * @param yName        y axis name
 * @param xLog         logarithmic x axis
 * @param yLog         logarithmic y axis
 * @param format       how values read in labels: {@code rate}, {@code ms}, {@code count}, {@code mib},
 *                     {@code us} or {@code percent}
 * @param categories   category names for {@code bars} and {@code dots}
 * @param series       the series ({@code lines}, {@code bars}, {@code dots})
 * @param variants     the selectable series sets of a {@code spectrum}
 * @param variantIndex the variant shown first
 * @param legend       whether the chart draws its own legend (small charts share one in the page)
 * @param threshold    a horizontal line across a {@code curve}, or null
 * @param hidden       names of series the legend starts switched off (a click shows them), or null
 */
record ChartSpec(String id, String kind, String title, String xName, String yName, boolean xLog, boolean yLog,
                 String format, List<String> categories, List<Series> series, List<Variant> variants,
                 Integer variantIndex, boolean legend, Threshold threshold, List<String> hidden) {

    /** A chart without threshold and with every series shown. */
    ChartSpec(String id, String kind, String title, String xName, String yName, boolean xLog, boolean yLog,
              String format, List<String> categories, List<Series> series, List<Variant> variants,
              Integer variantIndex, boolean legend) {
        this(id, kind, title, xName, yName, xLog, yLog, format, categories, series, variants, variantIndex, legend,
                null, null);
    }

    /**
     * @param name   legend name
     * @param color  CSS colour
     * @param dashed dashed line (the reference model, or uncorrected latency)
     * @param points the values
     */
    record Series(String name, String color, boolean dashed, List<Point> points) {
    }

    /**
     * @param x     x value (connections, percentile, category index, or the value of a dot)
     * @param y     y value (or the category index of a dot)
     * @param low   lower end of the error bar, or null
     * @param high  upper end of the error bar, or null
     * @param flag  {@code invalid}, {@code client-bound}, {@code overload} (the server could not take
     *              the load), {@code failed} (a sweep step that missed the objective), or null; in a
     *              {@code brackets} chart the capacity outcome, e.g. {@code client-limited}
     * @param color colour of this point alone (bars), or null for the series colour
     * @param tip   tooltip lines
     */
    record Point(double x, double y, Double low, Double high, String flag, String color, List<String> tip) {
    }

    /**
     * @param y     where the line is drawn, in y units
     * @param label written at its right end, e.g. {@code p99 < 10 ms}
     */
    record Threshold(double y, String label) {
    }

    /**
     * @param label  shown in the variant selector, e.g. {@code 64 connections}
     * @param series the series of this variant
     */
    record Variant(String label, List<Series> series) {
    }

    static ChartSpec lines(String id, String title, String xName, String yName, boolean xLog, boolean yLog,
                           String format, List<Series> series) {
        return new ChartSpec(id, "lines", title, xName, yName, xLog, yLog, format, null, series, null, null, true);
    }

    /** The same chart without its own legend. */
    ChartSpec withoutLegend() {
        return new ChartSpec(id, kind, title, xName, yName, xLog, yLog, format, categories, series, variants,
                variantIndex, false, threshold, hidden);
    }
}
