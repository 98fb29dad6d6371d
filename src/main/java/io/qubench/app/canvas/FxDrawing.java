package io.qubench.app.canvas;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** {@link Drawing} on a JavaFX canvas: each call is the GraphicsContext call of the same name. */
final class FxDrawing implements Drawing {

    private final GraphicsContext g;

    FxDrawing(GraphicsContext g) {
        this.g = g;
    }

    @Override
    public void setFill(Color colour) {
        g.setFill(colour);
    }

    @Override
    public void setStroke(Color colour) {
        g.setStroke(colour);
    }

    @Override
    public void setLineWidth(double width) {
        g.setLineWidth(width);
    }

    @Override
    public void setLineDashes(double... dashes) {
        g.setLineDashes(dashes);
    }

    @Override
    public void setFont(Typeface font) {
        g.setFont(Font.font(font.family(), font.bold() ? FontWeight.BOLD : FontWeight.NORMAL, font.size()));
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        g.setTextAlign(align);
    }

    @Override
    public void setTextBaseline(VPos baseline) {
        g.setTextBaseline(baseline);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        g.fillRoundRect(x, y, w, h, arcW, arcH);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arcW, double arcH) {
        g.strokeRoundRect(x, y, w, h, arcW, arcH);
    }

    @Override
    public void strokeLine(double x1, double y1, double x2, double y2) {
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void fillCircle(double cx, double cy, double r) {
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys) {
        g.fillPolygon(xs, ys, xs.length);
    }

    @Override
    public void strokeArc(double x, double y, double w, double h, double startAngle, double extent) {
        g.strokeArc(x, y, w, h, startAngle, extent, ArcType.OPEN);
    }

    @Override
    public void fillText(String text, double x, double y, double maxWidth) {
        if (maxWidth > 0) {
            g.fillText(text, x, y, maxWidth);
        } else {
            g.fillText(text, x, y);
        }
    }

    @Override
    public void save() {
        g.save();
    }

    @Override
    public void restore() {
        g.restore();
    }

    @Override
    public void translate(double dx, double dy) {
        g.translate(dx, dy);
    }
}
