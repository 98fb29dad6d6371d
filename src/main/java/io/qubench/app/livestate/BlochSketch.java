package io.qubench.app.livestate;

import java.util.Locale;

import io.qubench.analysis.BlochVector;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * One qubit's Bloch sphere, sketched in orthographic projection (z up, x towards the viewer's
 * lower left, y to the right), with the vector drawn and its x, y, z written underneath.
 */
final class BlochSketch {

    static final double SIZE = 96;
    private static final double RADIUS = SIZE / 2 - 12;
    private static final double AZIMUTH = Math.toRadians(30);
    private static final double ELEVATION = Math.toRadians(20);
    private static final Color OUTLINE = Color.web("#9a9a9a");
    private static final Color AXIS = Color.web("#c4c4c4");
    private static final Color PURE = Color.web("#3b6ed8");
    private static final Color MIXED = Color.web("#d87b3b");

    private final VBox node = new VBox(2);
    private final Canvas canvas = new Canvas(SIZE, SIZE);
    private final Label name = new Label();
    private final Label numbers = new Label();

    BlochSketch() {
        node.getStyleClass().add("bloch-sketch");
        name.getStyleClass().add("bloch-qubit");
        numbers.getStyleClass().addAll("bloch-numbers", "monospaced");
        node.getChildren().addAll(name, canvas, numbers);
    }

    VBox node() {
        return node;
    }

    void show(String qubit, BlochVector v) {
        name.setText(qubit);
        numbers.setText(String.format(Locale.ROOT, "x %+.2f%ny %+.2f%nz %+.2f  |r| %.2f", shown(v.x()), shown(v.y()), shown(v.z()),
                v.length()));
        draw(v);
    }

    /** Rounding noise such as −1e-17 would print as "-0.00". */
    private static double shown(double component) {
        return Math.abs(component) < 0.005 ? 0 : component;
    }

    String numbersText() {
        return numbers.getText();
    }

    private void draw(BlochVector v) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, SIZE, SIZE);
        double c = SIZE / 2;
        g.setLineWidth(1);
        g.setStroke(OUTLINE);
        g.strokeOval(c - RADIUS, c - RADIUS, 2 * RADIUS, 2 * RADIUS);
        g.setStroke(AXIS);
        g.setLineDashes(3, 3);
        double[] xs = new double[73];
        double[] ys = new double[73];
        for (int k = 0; k <= 72; k++) {
            double t = Math.toRadians(5 * k);
            xs[k] = screenX(Math.cos(t), Math.sin(t));
            ys[k] = screenY(Math.cos(t), Math.sin(t), 0);
        }
        g.strokePolyline(xs, ys, xs.length);
        g.setLineDashes();
        axis(g, 1, 0, 0, "x");
        axis(g, 0, 1, 0, "y");
        axis(g, 0, 0, 1, "|0⟩");
        axis(g, 0, 0, -1, "|1⟩");
        Color colour = v.length() > 0.99 ? PURE : MIXED;
        double px = screenX(v.x(), v.y());
        double py = screenY(v.x(), v.y(), v.z());
        g.setStroke(colour.deriveColor(0, 1, 1, 0.35));
        g.strokeLine(c, c, screenX(v.x(), v.y()), screenY(v.x(), v.y(), 0));
        g.setStroke(colour);
        g.setLineWidth(2);
        g.strokeLine(c, c, px, py);
        g.setFill(colour);
        g.fillOval(px - 3.5, py - 3.5, 7, 7);
    }

    private static void axis(GraphicsContext g, double x, double y, double z, String label) {
        double c = SIZE / 2;
        double ex = screenX(x, y);
        double ey = screenY(x, y, z);
        g.setStroke(AXIS);
        g.strokeLine(c, c, ex, ey);
        g.setFill(OUTLINE);
        double lx = c + (ex - c) * 1.22 - (label.length() > 1 ? 9 : 3);
        double ly = c + (ey - c) * 1.22 + 4;
        g.fillText(label, lx, ly);
    }

    private static double screenX(double x, double y) {
        return SIZE / 2 + RADIUS * (-x * Math.sin(AZIMUTH) + y * Math.cos(AZIMUTH));
    }

    private static double screenY(double x, double y, double z) {
        double up = z * Math.cos(ELEVATION) - (x * Math.cos(AZIMUTH) + y * Math.sin(AZIMUTH)) * Math.sin(ELEVATION);
        return SIZE / 2 - RADIUS * up;
    }
}
