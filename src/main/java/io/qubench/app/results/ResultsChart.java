package io.qubench.app.results;

import java.awt.Color;
import java.util.List;
import java.util.function.Function;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.category.DefaultCategoryDataset;

import io.qubench.analysis.OutcomeEstimate;
import javafx.scene.Node;

/** The probability histogram with interval error bars; hovering a bar shows its exact figures. */
final class ResultsChart {

    private static final String SERIES = "probability";
    private static final Color BAR = new Color(0x3b, 0x6e, 0xd8);

    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final ErrorBarRenderer renderer = new ErrorBarRenderer();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private List<OutcomeEstimate> shown = List.of();

    ResultsChart(Function<OutcomeEstimate, String> describe) {
        chart = BarCharts.probabilities("Outcome (classical bit 0 rightmost)", dataset, renderer, BAR);
        ((NumberAxis) chart.getCategoryPlot().getRangeAxis()).setUpperMargin(0.08);
        renderer.setItemMargin(0);
        renderer.setDefaultToolTipGenerator((data, row, column) -> column < shown.size() ? describe.apply(shown.get(column)) : null);
        viewer = new ChartViewer(chart);
        viewer.setId("results-chart");
        viewer.setMinSize(200, 150);
    }

    Node node() {
        return viewer;
    }

    void show(String title, List<OutcomeEstimate> bars) {
        shown = List.copyOf(bars);
        renderer.setEstimates(shown);
        chart.setNotify(false);
        dataset.clear();
        for (OutcomeEstimate e : shown) {
            dataset.addValue(e.probability(), SERIES, e.bitstring());
        }
        BarCharts.fitLabels(chart.getCategoryPlot().getDomainAxis(), shown.stream().map(OutcomeEstimate::bitstring).toList());
        chart.setTitle(title);
        chart.getTitle().setFont(BarCharts.TITLE);
        chart.setNotify(true);
    }

    /** The bars now drawn, in order. */
    List<OutcomeEstimate> shown() {
        return shown;
    }

    /** The hover text of bar {@code column}, as the chart's tool-tip generator gives it. */
    String toolTip(int column) {
        return renderer.getDefaultToolTipGenerator().generateToolTip(dataset, 0, column);
    }
}
