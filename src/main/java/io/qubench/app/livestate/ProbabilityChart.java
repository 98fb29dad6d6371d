package io.qubench.app.livestate;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import javafx.scene.Node;

/** Exact probabilities of the most probable basis states. */
final class ProbabilityChart {

    private static final String SERIES = "probability";
    private static final Color BAR = new Color(0x6a, 0x4c, 0xc2);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final int MAX_LABELLED_BARS = 48;

    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final ChartViewer viewer;

    ProbabilityChart() {
        chart = ChartFactory.createBarChart(null, "Basis state (qubit 0 rightmost)", "Probability", dataset,
                PlotOrientation.VERTICAL, false, true, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setOutlineVisible(false);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        domain.setMaximumCategoryLabelLines(1);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultToolTipGenerator((data, row, column) -> String.format(Locale.ROOT, "|%s⟩  p = %.6f",
                data.getColumnKey(column), data.getValue(row, column).doubleValue()));
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
            chart.getTitle().setFont(TITLE);
            chart.getCategoryPlot().getDomainAxis().setTickLabelsVisible(shown <= MAX_LABELLED_BARS);
        }
        chart.setNotify(true);
    }

    /** The bars now drawn, for tests: basis state labels in order. */
    @SuppressWarnings("unchecked")
    List<String> shownStates() {
        return (List<String>) (List<?>) dataset.getColumnKeys();
    }
}
