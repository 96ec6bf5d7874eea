package dev.concbench.reports.markdown;

import dev.concbench.reports.format.Numbers;
import dev.concbench.reports.machines.MachineMatrix;

import java.util.ArrayList;
import java.util.Locale;

/** A {@link MachineMatrix} as one Markdown table, one column per machine. */
public final class MarkdownMachines {

    private MarkdownMachines() {
    }

    public static String render(MachineMatrix matrix) {
        var out = new StringBuilder();
        out.append("## concbench on ").append(matrix.columns().size()).append(" machines\n\n");
        out.append(matrix.normalised()
                ? "Throughput as a share of each run's own client ceiling (100% = what its load client could drive).\n\n"
                : "Throughput, ops/s.\n\n");
        for (int i = 0; i < matrix.columns().size(); i++) {
            var column = matrix.columns().get(i);
            var run = column.run();
            out.append(i + 1).append(". ").append(column.heading()).append(" — machine `").append(column.machineId())
                    .append("`, ").append(Describe.run(run));
            if (run.clientCeiling() != null) {
                out.append(", client ceiling ").append(Numbers.compact(run.clientCeiling().requestsPerSecond()))
                        .append(" req/s");
            }
            out.append('\n');
        }
        out.append('\n');
        var headers = new ArrayList<String>(java.util.List.of("model", "scenario", "params"));
        for (int i = 0; i < matrix.columns().size(); i++) {
            headers.add("(" + (i + 1) + ") " + matrix.columns().get(i).heading() + ">");
        }
        var table = new MarkdownTable(headers.toArray(String[]::new));
        for (MachineMatrix.Row row : matrix.rows()) {
            var cells = new ArrayList<String>(java.util.List.of(row.key().model(), row.key().scenario(),
                    row.key().paramsText()));
            row.cells().forEach(cell -> cells.add(cell == null ? "–" : value(cell, matrix.normalised())));
            table.row(cells);
        }
        out.append(table.render()).append('\n').append(Describe.LEGEND).append('\n');
        return out.toString();
    }

    private static String value(MachineMatrix.Cell cell, boolean normalised) {
        String marks = Describe.marks(cell.result());
        String text = normalised
                ? percent(cell.value()) + (cell.error() == null ? "" : " ± " + percent(cell.error()))
                : Numbers.withError(cell.value(), cell.error());
        return marks.isEmpty() ? text : text + " " + marks;
    }

    private static String percent(double fraction) {
        double percent = fraction * 100;
        return String.format(Locale.ROOT, percent >= 9.95 ? "%.0f%%" : percent >= 0.995 ? "%.1f%%" : "%.2f%%", percent);
    }
}
