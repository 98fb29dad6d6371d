package io.qubench.app.results;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.function.Function;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import io.qubench.analysis.OutcomeEstimate;
import javafx.scene.Node;

/** The probability histogram with interval error bars; hovering a bar shows its exact figures. */
final class ResultsChart {

    private static final String SERIES = "probability";
    private static final Color BAR = new Color(0x3b, 0x6e, 0xd8);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** Above this many bars the category labels would overlap at any usual width. */
    private static final int MAX_LABELLED_BARS = 48;

    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final ErrorBarRenderer renderer = new ErrorBarRenderer();
    private final JFreeChart chart;
    private final ChartViewer viewer;
    private List<OutcomeEstimate> shown = List.of();

    ResultsChart(Function<OutcomeEstimate, String> describe) {
        chart = ChartFactory.createBarChart(null, "Outcome (classical bit 0 rightmost)", "Probability", dataset,
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
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setUpperMargin(0.08);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMaximumBarWidth(0.12);
        renderer.setItemMargin(0);
        renderer.setDefaultToolTipGenerator((data, row, column) -> column < shown.size() ? describe.apply(shown.get(column)) : null);
        plot.setRenderer(renderer);
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
        chart.getCategoryPlot().getDomainAxis().setTickLabelsVisible(shown.size() <= MAX_LABELLED_BARS);
        chart.setTitle(title);
        chart.getTitle().setFont(TITLE);
        chart.setNotify(true);
    }

    /** The bars now drawn, for tests: outcome → probability. */
    List<OutcomeEstimate> shown() {
        return shown;
    }

    /** The hover text of bar {@code column}, as the chart's tool-tip generator gives it. */
    String toolTip(int column) {
        return renderer.getDefaultToolTipGenerator().generateToolTip(dataset, 0, column);
    }
}
