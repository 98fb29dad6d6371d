package io.qubench.app.livestate;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

import io.qubench.app.results.BarCharts;
import javafx.scene.Node;

/** Exact probabilities of the most probable basis states. */
final class ProbabilityChart {

    private static final String SERIES = "probability";
    private static final Color BAR = new Color(0x6a, 0x4c, 0xc2);

    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final ChartViewer viewer;

    ProbabilityChart() {
        BarRenderer renderer = new BarRenderer();
        renderer.setDefaultToolTipGenerator((data, row, column) -> String.format(Locale.ROOT, "|%s⟩  p = %.6f",
                data.getColumnKey(column), data.getValue(row, column).doubleValue()));
        // Short enough for the chart beside the Bloch spheres: "qubit 0" was cut off at its default width.
        chart = BarCharts.probabilities("State (q[0] rightmost)", dataset, renderer, BAR);
        viewer = new ChartViewer(chart);
        viewer.setId("live-probabilities");
        viewer.setMinSize(200, 150);
        show(null);
    }

    Node node() {
        return viewer;
    }

    void show(LiveState state) {
        chart.setNotify(false);
        dataset.clear();
        if (state == null) {
            chart.setTitle((String) null);
        } else {
            for (LiveState.Amplitude a : state.probabilities()) {
                dataset.addValue(a.probability(), SERIES, a.bitstring());
            }
            int shown = state.probabilities().size();
            chart.setTitle(shown < state.nonZero() ? "Top " + shown + " of " + state.nonZero() + " basis states"
                    : shown + " basis state" + (shown == 1 ? "" : "s") + " with non-zero probability");
            chart.getTitle().setFont(BarCharts.TITLE);
            BarCharts.fitLabels(chart.getCategoryPlot().getDomainAxis(), shownStates());
        }
        chart.setNotify(true);
    }

    /** The basis states now drawn, in order. */
    @SuppressWarnings("unchecked")
    List<String> shownStates() {
        return (List<String>) (List<?>) dataset.getColumnKeys();
    }
}
