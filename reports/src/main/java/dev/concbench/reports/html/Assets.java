package dev.concbench.reports.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The files every page inlines, read once from the class path: our stylesheet and chart code,
 * and ECharts from its webjar ({@code org.webjars.npm:echarts}).
 */
final class Assets {

    /** The ECharts version the webjar provides; the pom pins the same. */
    static final String ECHARTS_VERSION = "5.3.1";
    private static final String ECHARTS = "META-INF/resources/webjars/echarts/" + ECHARTS_VERSION + "/dist/echarts.min.js";

    private Assets() {
    }

    static String css() {
        return Holder.CSS;
    }

    static String chartsJs() {
        return Holder.CHARTS_JS;
    }

    static String echartsJs() {
        return Holder.ECHARTS_JS;
    }

    /** Loaded on first use; a missing asset is a packaging bug, reported as such. */
    private static final class Holder {
        static final String CSS = load("dev/concbench/reports/html/report.css");
        static final String CHARTS_JS = load("dev/concbench/reports/html/charts.js");
        static final String ECHARTS_JS = load(ECHARTS);

        private static String load(String resource) {
            try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing from the class path: " + resource
                            + " (a packaging error: rebuild concbench-report)");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read " + resource, unreadable);
            }
        }
    }
}
