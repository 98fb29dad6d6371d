package io.qubench.app.results;

import java.awt.Color;
import java.awt.Font;
import java.util.List;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;

/** The look every bitstring bar chart of the workbench shares: flat bars on white, monospaced outcome labels. */
public final class BarCharts {

    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LABELS = new Font(Font.MONOSPACED, Font.PLAIN, 12);
    /** Above this many bars slanted labels overlap in a panel of usual width; hovering still names each bar. */
    private static final int MAX_LABELLED_BARS = 24;

    private BarCharts() {
    }

    /** A vertical bar chart of probabilities per outcome, drawn by {@code renderer} in {@code colour}. */
    public static JFreeChart probabilities(String outcomeAxis, CategoryDataset dataset, BarRenderer renderer, Color colour) {
        JFreeChart chart = ChartFactory.createBarChart(null, outcomeAxis, "Probability", dataset, PlotOrientation.VERTICAL, false,
                true, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setOutlineVisible(false);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(LABELS);
        domain.setMaximumCategoryLabelLines(1);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, colour);
        renderer.setMaximumBarWidth(0.12);
        plot.setRenderer(renderer);
        return chart;
    }

    /** Upright labels when few and short, slanted when many, none when they could not be read anyway. */
    public static void fitLabels(CategoryAxis axis, List<String> labels) {
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        axis.setCategoryLabelPositions(labels.size() <= 12 && longest * labels.size() <= 60 ? CategoryLabelPositions.STANDARD
                : CategoryLabelPositions.UP_45);
        axis.setTickLabelsVisible(labels.size() <= MAX_LABELLED_BARS);
    }
}
