package io.qubench.app.canvas;

/**
 * Sizes of the drawing at a zoom factor and the conversions between pixels of the whole
 * (unscrolled) drawing and its cells. Pure: the view and the view model share it.
 */
public record CanvasMetrics(double zoom) {

    public static final double MIN_ZOOM = 0.4;
    public static final double MAX_ZOOM = 3.0;

    public CanvasMetrics {
        if (!(zoom >= MIN_ZOOM && zoom <= MAX_ZOOM)) {
            throw new IllegalArgumentException("zoom " + zoom + " is outside " + MIN_ZOOM + "…" + MAX_ZOOM);
        }
    }

    /** Width of the wire labels at the left, which stay in place when scrolling sideways. */
    public double labelWidth() {
        return 64 * zoom;
    }

    public double cellWidth() {
        return 52 * zoom;
    }

    public double rowHeight() {
        return 50 * zoom;
    }

    public double topMargin() {
        return 12 * zoom;
    }

    /** Side of a gate box. */
    public double boxSize() {
        return 36 * zoom;
    }

    /** Left edge of a column. */
    public double columnX(int column) {
        return labelWidth() + column * cellWidth();
    }

    public double columnCentre(int column) {
        return columnX(column) + cellWidth() / 2;
    }

    /** Y of a row's wire. */
    public double rowCentre(int row) {
        return topMargin() + row * rowHeight() + rowHeight() / 2;
    }

    /** The column at an x of the drawing; negative over the labels. */
    public int columnAt(double x) {
        return (int) Math.floor((x - labelWidth()) / cellWidth());
    }

    /** The row at a y of the drawing; may be outside the circuit's rows. */
    public int rowAt(double y) {
        return (int) Math.floor((y - topMargin()) / rowHeight());
    }

    /** Size of the whole drawing: two spare columns to drop gates after the last one. */
    public double width(int columns) {
        return columnX(columns + 2);
    }

    public double height(int rows) {
        return topMargin() * 2 + rows * rowHeight();
    }
}
