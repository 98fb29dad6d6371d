package io.qubench.app.results;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;
import org.jfree.data.category.CategoryDataset;

import io.qubench.analysis.OutcomeEstimate;

/**
 * Bars with asymmetric error bars. JFreeChart's StatisticalBarRenderer draws mean ± one
 * deviation only; a Wilson interval is not symmetric about the frequency, so each bar's
 * interval is drawn here from the estimates the bars were made from (column k = estimate k).
 */
final class ErrorBarRenderer extends BarRenderer {

    private static final long serialVersionUID = 1L;
    private static final Color WHISKER = new Color(0x22, 0x22, 0x22);
    private static final BasicStroke STROKE = new BasicStroke(1.2f);

    private transient List<OutcomeEstimate> estimates = List.of();

    void setEstimates(List<OutcomeEstimate> estimates) {
        this.estimates = List.copyOf(estimates);
    }

    /** The axis must reach the top of the highest interval, not just of the highest bar. */
    @Override
    public Range findRangeBounds(CategoryDataset dataset) {
        Range bars = super.findRangeBounds(dataset);
        double top = estimates.stream().mapToDouble(e -> e.interval().upper()).max().orElse(0);
        return bars == null ? null : Range.expandToInclude(bars, top);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        if (pass != getPassCount() - 1 || column >= estimates.size()) {
            return;
        }
        OutcomeEstimate e = estimates.get(column);
        double barStart = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column);
        double x = barStart + state.getBarWidth() / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double yLow = rangeAxis.valueToJava2D(e.interval().lower(), dataArea, edge);
        double yHigh = rangeAxis.valueToJava2D(e.interval().upper(), dataArea, edge);
        double cap = Math.min(8, Math.max(2, state.getBarWidth() / 4));
        g2.setPaint(WHISKER);
        g2.setStroke(STROKE);
        g2.draw(new Line2D.Double(x, yLow, x, yHigh));
        g2.draw(new Line2D.Double(x - cap, yLow, x + cap, yLow));
        g2.draw(new Line2D.Double(x - cap, yHigh, x + cap, yHigh));
    }
}
