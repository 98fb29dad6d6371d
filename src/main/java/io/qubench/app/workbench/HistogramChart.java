package io.qubench.app.workbench;

import java.awt.Color;
import java.awt.Font;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import io.qubench.sim.SimulationResult;
import javafx.scene.Node;

/** Shot histogram: one bar per measured bitstring, in bitstring order; the most frequent 64 when wider. */
final class HistogramChart {

    static final int MAX_BARS = 64;
    private static final String SERIES = "counts";
    private static final Color BAR = new Color(0x3b, 0x6e, 0xd8);

    private final DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    private final JFreeChart chart;
    private final ChartViewer viewer;

    HistogramChart() {
        chart = ChartFactory.createBarChart(null, "Outcome (classical bit 0 rightmost)", "Counts", dataset,
                PlotOrientation.VERTICAL, false, true, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setOutlineVisible(false);
        CategoryAxis domain = plot.getDomainAxis();
        domain.setTickLabelFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BAR);
        renderer.setMaximumBarWidth(0.12);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        renderer.setDefaultItemLabelsVisible(true);
        show(null);
        viewer = new ChartViewer(chart);
        viewer.setId("histogram");
        viewer.setMinSize(200, 150);
    }

    Node node() {
        return viewer;
    }

    /** The bars now shown, for tests: bitstring → count. */
    Map<String, Integer> shown() {
        Map<String, Integer> out = new java.util.LinkedHashMap<>();
        for (int c = 0; c < dataset.getColumnCount(); c++) {
            out.put((String) dataset.getColumnKey(c), dataset.getValue(0, c).intValue());
        }
        return out;
    }

    void show(SimulationResult result) {
        dataset.clear();
        if (result == null) {
            chart.setTitle("No results yet: press Simulate (F5)");
            chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            return;
        }
        List<Map.Entry<String, Integer>> bars = result.counts().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_BARS)
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .toList();
        for (Map.Entry<String, Integer> bar : bars) {
            dataset.addValue(bar.getValue(), SERIES, bar.getKey());
        }
        String title = result.counts().size() > MAX_BARS
                ? "Top " + MAX_BARS + " of " + result.counts().size() + " outcomes, " + result.shots() + " shots"
                : result.shots() + " shots";
        chart.setTitle(title);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    }
}
