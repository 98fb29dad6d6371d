package io.qubench.app.canvas;

import javafx.geometry.VPos;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * What {@link CircuitPainter} draws with: the few shapes a circuit needs, in the terms of
 * JavaFX's GraphicsContext, so that the one drawing goes to the screen ({@link FxDrawing}) or to
 * an SVG file ({@link SvgDrawing}) alike.
 */
interface Drawing {

    /** A font by logical family ("System" or "Monospaced"), weight and size in pixels. */
    record Typeface(String family, boolean bold, double size) {
        static Typeface plain(String family, double size) {
            return new Typeface(family, false, size);
        }

        static Typeface bold(String family, double size) {
            return new Typeface(family, true, size);
        }
    }

    void setFill(Color colour);

    void setStroke(Color colour);

    void setLineWidth(double width);

    /** Dash and gap lengths; none for a solid line. */
    void setLineDashes(double... dashes);

    void setFont(Typeface font);

    void setTextAlign(TextAlignment align);

    void setTextBaseline(VPos baseline);

    void fillRect(double x, double y, double w, double h);

    void strokeRect(double x, double y, double w, double h);

    /** A rectangle whose corners are arcs {@code arcW} wide and {@code arcH} high, as in GraphicsContext. */
    void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH);

    void strokeRoundRect(double x, double y, double w, double h, double arcW, double arcH);

    void strokeLine(double x1, double y1, double x2, double y2);

    void fillCircle(double cx, double cy, double r);

    void fillPolygon(double[] xs, double[] ys);

    /** An open arc of the ellipse in the box, from {@code startAngle} degrees, counter-clockwise by {@code extent}. */
    void strokeArc(double x, double y, double w, double h, double startAngle, double extent);

    /** Text at the point, placed by the current alignment and baseline, squeezed to {@code maxWidth} if positive. */
    void fillText(String text, double x, double y, double maxWidth);

    /** Keeps the translation, to be put back by {@link #restore()}. */
    void save();

    void restore();

    void translate(double dx, double dy);
}
