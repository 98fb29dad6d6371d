package io.qubench.app.canvas;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.ClassicalRegister;
import io.qubench.circuit.Expression;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

/**
 * Draws the visible part of a circuit on a canvas: only the rows and columns inside the
 * viewport are touched, so a 30-qubit, 500-gate circuit costs what its visible cells cost.
 */
final class CircuitPainter {

    /** What to draw besides the circuit: selection, the wire for keyboard placement, a drop preview, a rubber band. */
    record Overlay(Set<Integer> selection, int selectedWire, Preview preview, double[] band) {
    }

    /** A translucent box over rows {@code fromRow..toRow} of a column, where a drop or move would land. */
    record Preview(int column, int fromRow, int toRow, String label) {
    }

    private final CanvasColours colours;
    private Drawing g;
    private CanvasMetrics m;
    private Circuit circuit;
    private CircuitLayout layout;

    CircuitPainter(CanvasColours colours) {
        this.colours = colours;
    }

    /** Paints the viewport of {@code width × height} whose top-left is at ({@code sx}, {@code sy}) of the drawing. */
    void paint(GraphicsContext gc, Circuit c, CircuitLayout l, CanvasMetrics metrics, double sx, double sy, double width,
            double height, Overlay overlay) {
        paint(new FxDrawing(gc), c, l, metrics, sx, sy, width, height, overlay);
    }

    /** The same, on any {@link Drawing}: the screen's canvas or an SVG document. */
    void paint(Drawing drawing, Circuit c, CircuitLayout l, CanvasMetrics metrics, double sx, double sy, double width,
            double height, Overlay overlay) {
        this.g = drawing;
        this.m = metrics;
        this.circuit = c;
        this.layout = l;
        g.setFill(CanvasColours.of(colours.background));
        g.fillRect(0, 0, width, height);
        if (c == null) {
            g.setFill(CanvasColours.of(colours.label));
            g.setFont(Drawing.Typeface.plain("System", 13));
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.fillText("No circuit yet: open a sample or type OpenQASM below", 12, 12, 0);
            return;
        }
        int r0 = Math.max(0, m.rowAt(sy));
        int r1 = Math.min(l.rows() - 1, m.rowAt(sy + height));
        int c0 = Math.max(0, m.columnAt(sx + m.labelWidth()));
        int c1 = Math.min(l.columns() - 1, m.columnAt(sx + width));

        g.save();
        g.translate(-sx, -sy);
        if (overlay.selectedWire() >= r0 && overlay.selectedWire() <= r1) {
            g.setFill(CanvasColours.of(colours.selectedWire));
            g.fillRect(sx, m.rowCentre(overlay.selectedWire()) - m.rowHeight() / 2, width, m.rowHeight());
        }
        for (int r = r0; r <= r1; r++) {
            wire(r, sx + m.labelWidth(), sx + width);
        }
        for (int col = c0; col <= c1; col++) {
            for (int i : l.operationsIn(col)) {
                if (l.bottomOf(i) >= r0 && l.topOf(i) <= r1) {
                    operation(i, col, overlay.selection().contains(i));
                }
            }
        }
        if (overlay.preview() != null) {
            preview(overlay.preview());
        }
        if (overlay.band() != null) {
            double[] b = overlay.band();
            g.setStroke(CanvasColours.of(colours.selection));
            g.setLineWidth(1);
            g.setLineDashes(4, 3);
            g.strokeRect(Math.min(b[0], b[2]), Math.min(b[1], b[3]), Math.abs(b[2] - b[0]), Math.abs(b[3] - b[1]));
            g.setLineDashes();
        }
        g.restore();

        g.save();
        g.translate(0, -sy);
        g.setFill(CanvasColours.of(colours.gutter));
        g.fillRect(0, sy, m.labelWidth(), height);
        for (int r = r0; r <= r1; r++) {
            label(r, r == overlay.selectedWire());
        }
        g.restore();
    }

    private void wire(int row, double from, double to) {
        double y = m.rowCentre(row);
        if (row < layout.qubitRows()) {
            g.setStroke(CanvasColours.of(colours.wire));
            g.setLineWidth(1.2);
            g.strokeLine(from, y, to, y);
        } else {
            g.setStroke(CanvasColours.of(colours.classicalWire));
            g.setLineWidth(1);
            double d = 1.6 * m.zoom();
            g.strokeLine(from, y - d, to, y - d);
            g.strokeLine(from, y + d, to, y + d);
        }
    }

    private void label(int row, boolean selected) {
        String text;
        if (row < layout.qubitRows()) {
            text = circuit.qubitLabel(row);
        } else {
            ClassicalRegister r = circuit.classicalRegisters().get(row - layout.qubitRows());
            text = r.name() + " " + r.size() + "/";
        }
        g.setFill(CanvasColours.of(selected ? colours.selection : colours.label));
        g.setFont(new Drawing.Typeface("Monospaced", selected, 12 * m.zoom()));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, m.labelWidth() - 8 * m.zoom(), m.rowCentre(row), 0);
    }

    private void operation(int index, int col, boolean selected) {
        Operation op = circuit.operations().get(index);
        double x = m.columnCentre(col);
        op.condition().ifPresent(cond -> condition(x, op.qubits().stream().mapToInt(Integer::intValue).max().orElseThrow(),
                layout.qubitRows() + circuit.classicalRegisters().indexOf(cond.register()), cond.value()));
        switch (op) {
            case GateOperation gate -> gate(gate, x);
            case Operation.Measurement meas -> measurement(meas, x);
            case Operation.Reset r -> box(x, r.qubit(), r.qubit(), "|0⟩", null, colours.measure);
            case Operation.Barrier b -> barrier(b, x);
        }
        if (selected) {
            double half = m.cellWidth() / 2 - 2 * m.zoom();
            double top = m.rowCentre(layout.topOf(index)) - m.rowHeight() / 2 + 3 * m.zoom();
            double bottom = m.rowCentre(layout.bottomOf(index)) + m.rowHeight() / 2 - 3 * m.zoom();
            g.setStroke(CanvasColours.of(colours.selection));
            g.setLineWidth(2.2 * m.zoom());
            g.strokeRoundRect(x - half, top, 2 * half, bottom - top, 6 * m.zoom(), 6 * m.zoom());
        }
    }

    private void gate(GateOperation op, double x) {
        List<Integer> q = op.qubits();
        String params = op.params().isEmpty() ? null : op.params().stream().map(CircuitPainter::angle).collect(Collectors.joining(","));
        if (op.gate() instanceof StandardGate s) {
            int controls = controls(s);
            if (controls > 0 || s == StandardGate.SWAP) {
                int min = q.stream().min(Integer::compare).orElseThrow();
                int max = q.stream().max(Integer::compare).orElseThrow();
                g.setStroke(CanvasColours.of(colours.control));
                g.setLineWidth(1.6 * m.zoom());
                g.strokeLine(x, m.rowCentre(min), x, m.rowCentre(max));
                for (int i = 0; i < controls; i++) {
                    dot(x, q.get(i));
                }
                List<Integer> targets = q.subList(controls, q.size());
                switch (s) {
                    case CX, CCX -> plus(x, targets.getFirst());
                    case CZ -> dot(x, targets.getFirst());
                    case SWAP, CSWAP -> targets.forEach(t -> cross(x, t));
                    default -> box(x, targets.getFirst(), targets.getFirst(), base(s), params, s.numParams() > 0 ? colours.rotation
                            : colours.singleQubit);
                }
                return;
            }
            int min = q.stream().min(Integer::compare).orElseThrow();
            int max = q.stream().max(Integer::compare).orElseThrow();
            box(x, min, max, GatePalette.label(s), params, s.numQubits() > 1 ? colours.multiQubit
                    : s.numParams() > 0 ? colours.rotation : colours.singleQubit);
        } else if (op.gate() instanceof GateDefinition d) {
            int min = q.stream().min(Integer::compare).orElseThrow();
            int max = q.stream().max(Integer::compare).orElseThrow();
            box(x, min, max, d.name(), params, colours.userDefined);
        }
    }

    /** Number of control qubits drawn as dots; the rest are targets. */
    private static int controls(StandardGate s) {
        return switch (s) {
            case CX, CY, CZ, CH, CP, CU1, CRX, CRY, CRZ, CU3, CU, CSWAP -> 1;
            case CCX -> 2;
            default -> 0;
        };
    }

    /** The target's label of a controlled gate: CRZ's is Rz. */
    private static String base(StandardGate s) {
        String n = s.qasmName().substring(1);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }

    /** An angle as short text: pi as π, long expressions cut. */
    static String angle(Expression e) {
        String text = e.toQasm().replace("pi", "π").replace(" ", "");
        return text.length() > 8 ? text.substring(0, 7) + "…" : text;
    }

    private void box(double x, int fromRow, int toRow, String label, String params, javafx.css.StyleableProperty<Color> fill) {
        double size = m.boxSize();
        g.setFont(Drawing.Typeface.bold("System", 13 * m.zoom()));
        double w = Math.min(m.cellWidth() - 6 * m.zoom(), Math.max(size, textWidth(label, params)));
        double top = m.rowCentre(fromRow) - size / 2;
        double bottom = m.rowCentre(toRow) + size / 2;
        g.setFill(CanvasColours.of(fill));
        g.fillRoundRect(x - w / 2, top, w, bottom - top, 5 * m.zoom(), 5 * m.zoom());
        double cy = (top + bottom) / 2;
        g.setFill(CanvasColours.of(colours.gateText));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        if (params == null) {
            g.fillText(label, x, cy, w - 2);
        } else {
            g.setFont(Drawing.Typeface.bold("System", 12 * m.zoom()));
            g.fillText(label, x, cy - 6 * m.zoom(), w - 2);
            g.setFont(Drawing.Typeface.plain("System", 9.5 * m.zoom()));
            g.fillText(params, x, cy + 8 * m.zoom(), w - 2);
        }
    }

    private double textWidth(String label, String params) {
        double chars = Math.max(label.length() * 1.1, params == null ? 0 : params.length() * 0.8);
        return chars * 7.5 * m.zoom() + 8 * m.zoom();
    }

    private void dot(double x, int row) {
        double r = 5 * m.zoom();
        g.setFill(CanvasColours.of(colours.control));
        g.fillCircle(x, m.rowCentre(row), r);
    }

    private void plus(double x, int row) {
        double r = 12 * m.zoom();
        double y = m.rowCentre(row);
        g.setFill(CanvasColours.of(colours.multiQubit));
        g.fillCircle(x, y, r);
        g.setStroke(CanvasColours.of(colours.gateText));
        g.setLineWidth(2 * m.zoom());
        g.strokeLine(x - r * 0.6, y, x + r * 0.6, y);
        g.strokeLine(x, y - r * 0.6, x, y + r * 0.6);
    }

    private void cross(double x, int row) {
        double r = 7 * m.zoom();
        double y = m.rowCentre(row);
        g.setStroke(CanvasColours.of(colours.control));
        g.setLineWidth(2.2 * m.zoom());
        g.strokeLine(x - r, y - r, x + r, y + r);
        g.strokeLine(x - r, y + r, x + r, y - r);
    }

    private void measurement(Operation.Measurement meas, double x) {
        int classicalRow = layout.rowOfClbit(meas.clbit());
        double yTop = m.rowCentre(meas.qubit()) + m.boxSize() / 2;
        double yReg = m.rowCentre(classicalRow);
        double d = 1.6 * m.zoom();
        g.setStroke(CanvasColours.of(colours.classicalWire));
        g.setLineWidth(1);
        g.strokeLine(x - d, yTop, x - d, yReg - 6 * m.zoom());
        g.strokeLine(x + d, yTop, x + d, yReg - 6 * m.zoom());
        double a = 5 * m.zoom();
        g.setFill(CanvasColours.of(colours.classicalWire));
        g.fillPolygon(new double[] {x - a, x + a, x}, new double[] {yReg - 7 * m.zoom(), yReg - 7 * m.zoom(), yReg});
        ClassicalRegister reg = circuit.classicalRegisters().get(classicalRow - layout.qubitRows());
        g.setFont(Drawing.Typeface.plain("Monospaced", 10 * m.zoom()));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(CanvasColours.of(colours.label));
        g.fillText(Integer.toString(meas.clbit() - reg.offset()), x + 4 * m.zoom(), yReg + 3 * m.zoom(), 0);

        double size = m.boxSize();
        double y = m.rowCentre(meas.qubit());
        g.setFill(CanvasColours.of(colours.measure));
        g.fillRoundRect(x - size / 2, y - size / 2, size, size, 5 * m.zoom(), 5 * m.zoom());
        g.setStroke(CanvasColours.of(colours.gateText));
        g.setLineWidth(1.5 * m.zoom());
        double r = size * 0.32;
        g.strokeArc(x - r, y - r * 0.4, 2 * r, 2 * r, 20, 140);
        g.strokeLine(x, y + r * 0.6, x + r * 0.7, y - r * 0.5);
    }

    private void barrier(Operation.Barrier b, double x) {
        g.setStroke(CanvasColours.of(colours.barrier));
        g.setLineWidth(2 * m.zoom());
        g.setLineDashes(5 * m.zoom(), 3 * m.zoom());
        for (int q : b.qubits()) {
            double y = m.rowCentre(q);
            g.strokeLine(x, y - m.rowHeight() / 2, x, y + m.rowHeight() / 2);
        }
        g.setLineDashes();
    }

    private void condition(double x, int lowestQubit, int registerRow, long value) {
        double from = m.rowCentre(lowestQubit);
        double to = m.rowCentre(registerRow);
        double d = 1.6 * m.zoom();
        g.setStroke(CanvasColours.of(colours.condition));
        g.setLineWidth(1);
        g.strokeLine(x - d, from, x - d, to);
        g.strokeLine(x + d, from, x + d, to);
        double r = 4.5 * m.zoom();
        g.setFill(CanvasColours.of(colours.condition));
        g.fillCircle(x, to, r);
        g.setFont(Drawing.Typeface.bold("Monospaced", 10 * m.zoom()));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText("=" + value, x + 5 * m.zoom(), to + 3 * m.zoom(), 0);
    }

    private void preview(Preview p) {
        double half = m.cellWidth() / 2 - 2 * m.zoom();
        double x = m.columnCentre(p.column());
        double top = m.rowCentre(p.fromRow()) - m.boxSize() / 2;
        double bottom = m.rowCentre(p.toRow()) + m.boxSize() / 2;
        g.setFill(CanvasColours.of(colours.preview));
        g.fillRoundRect(x - half, top, 2 * half, bottom - top, 6 * m.zoom(), 6 * m.zoom());
        g.setStroke(CanvasColours.of(colours.selection));
        g.setLineWidth(1.5);
        g.setLineDashes(4, 3);
        g.strokeRoundRect(x - half, top, 2 * half, bottom - top, 6 * m.zoom(), 6 * m.zoom());
        g.setLineDashes();
        if (p.label() != null) {
            g.setFill(CanvasColours.of(colours.label));
            g.setFont(Drawing.Typeface.bold("System", 12 * m.zoom()));
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(p.label(), x, (top + bottom) / 2, 2 * half);
        }
    }
}
