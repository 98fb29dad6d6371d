package io.qubench.app.canvas;

import java.util.Optional;
import java.util.Set;

import io.qubench.circuit.Circuit;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.SetChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseDragEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.util.Duration;

/**
 * The circuit canvas: the palette at the left, a tool bar, and the circuit drawn on one
 * {@link Canvas} the size of the viewport, scrolled by two scroll bars (only what is visible
 * is drawn). Mouse and keyboard gestures become calls on the {@link CircuitCanvasViewModel}.
 */
public final class CircuitCanvasView {

    private enum Gesture { NONE, MOVE, BAND, PLACE_ACROSS }

    private final CircuitCanvasViewModel viewModel;
    private final GatePaletteView palette;
    private final BorderPane root = new BorderPane();
    private final CanvasColours surface = new CanvasColours();
    private final Canvas canvas = new Canvas();
    private final ScrollBar horizontal = new ScrollBar();
    private final ScrollBar vertical = new ScrollBar();
    private final CircuitPainter painter = new CircuitPainter(surface);
    private final Tooltip tooltip = new Tooltip();

    private Gesture gesture = Gesture.NONE;
    private int grabbed = -1;
    private int startRow;
    private int startColumn;
    private double[] band;
    private CircuitPainter.Preview preview;
    private int hovered = -1;
    private ContextMenu menu;

    public CircuitCanvasView(CircuitCanvasViewModel viewModel) {
        this.viewModel = viewModel;
        this.palette = new GatePaletteView(viewModel);
        surface.getStyleClass().add("circuit-canvas");
        surface.setId("circuit-canvas");
        surface.getChildren().add(canvas);
        surface.setFocusTraversable(true);
        surface.setMinSize(120, 80);
        surface.setPrefSize(600, 260);
        canvas.widthProperty().bind(surface.widthProperty());
        canvas.heightProperty().bind(surface.heightProperty());
        horizontal.setId("canvas-hbar");
        vertical.setId("canvas-vbar");
        vertical.setOrientation(Orientation.VERTICAL);
        tooltip.setShowDelay(Duration.millis(400));
        tooltip.getStyleClass().add("matrix-tooltip");

        BorderPane scrolled = new BorderPane(surface);
        scrolled.setRight(vertical);
        scrolled.setBottom(new javafx.scene.layout.VBox(horizontal, typedLine()));
        root.setTop(toolBar());
        root.setCenter(scrolled);
        root.setLeft(palette.node());
        root.getStyleClass().add("circuit-canvas-pane");

        Observable[] redrawOn = {viewModel.layoutProperty(), viewModel.selectedWireProperty(), viewModel.zoomProperty(),
                horizontal.valueProperty(), vertical.valueProperty(), surface.widthProperty(), surface.heightProperty()};
        for (Observable o : redrawOn) {
            o.addListener(x -> refresh());
        }
        viewModel.selection().addListener((SetChangeListener<Integer>) change -> draw());
        surface.setOnMousePressed(this::pressed);
        surface.setOnMouseDragged(this::dragged);
        surface.setOnMouseReleased(this::released);
        surface.setOnMouseMoved(this::hover);
        surface.setOnMouseExited(e -> tooltip.hide());
        surface.addEventHandler(MouseDragEvent.MOUSE_DRAG_OVER, this::paletteDragOver);
        surface.addEventHandler(MouseDragEvent.MOUSE_DRAG_RELEASED, this::paletteDropped);
        surface.addEventHandler(MouseDragEvent.MOUSE_DRAG_EXITED, e -> showPreview(null));
        surface.setOnScroll(this::scrolled);
        surface.setOnKeyPressed(this::keyPressed);
        surface.setOnKeyTyped(this::keyTyped);
        Tooltip.install(surface, tooltip);
        refresh();
    }

    public Node node() {
        return root;
    }

    /** The focusable drawing, for tests and for the workbench's Edit menu. */
    public Node surface() {
        return surface;
    }

    /** The keyboard-placement line under the drawing: a hint, or what has been typed so far. */
    private Label typedLine() {
        Label typed = new Label();
        typed.setId("typed-gate");
        typed.getStyleClass().add("typed-gate");
        typed.setMaxWidth(Double.MAX_VALUE);
        typed.textProperty().bind(Bindings.createStringBinding(() -> viewModel.typedProperty().get().isEmpty()
                ? "Drag a gate onto a wire · click a wire, type h, cx 1 or rz(pi/4), Enter · double-click to edit angles"
                : "Place on the selected wire: " + viewModel.typedProperty().get() + "▏ (Enter places, Esc cancels)",
                viewModel.typedProperty()));
        return typed;
    }

    private ToolBar toolBar() {
        Button addQubit = new Button("+ Qubit");
        addQubit.setId("add-qubit");
        addQubit.setTooltip(new Tooltip("Add a qubit at the end of the last register"));
        addQubit.setOnAction(e -> viewModel.addQubit());
        Button removeQubit = new Button("− Qubit");
        removeQubit.setId("remove-qubit");
        removeQubit.setTooltip(new Tooltip("Remove the selected wire (or the last one) and its gates"));
        removeQubit.setOnAction(e -> viewModel.removeQubit());
        Button zoomOut = new Button("−");
        zoomOut.setTooltip(new Tooltip("Zoom out (Ctrl+−, Ctrl+wheel)"));
        zoomOut.setOnAction(e -> viewModel.zoomOut());
        Button zoomIn = new Button("+");
        zoomIn.setTooltip(new Tooltip("Zoom in (Ctrl++, Ctrl+wheel)"));
        zoomIn.setOnAction(e -> viewModel.zoomIn());
        Label zoom = new Label();
        zoom.setId("zoom-label");
        zoom.textProperty().bind(Bindings.format("%.0f%%", viewModel.zoomProperty().multiply(100)));
        zoom.setOnMouseClicked(e -> viewModel.resetZoom());
        ToolBar bar = new ToolBar(addQubit, removeQubit, new Separator(), zoomOut, zoom, zoomIn);
        bar.getStyleClass().add("canvas-tool-bar");
        return bar;
    }

    // ---- drawing ----

    private void refresh() {
        CircuitLayout l = viewModel.layoutProperty().get();
        CanvasMetrics m = viewModel.metrics();
        double contentW = l == null ? 0 : m.width(l.columns());
        double contentH = l == null ? 0 : m.height(l.rows());
        configure(horizontal, contentW, surface.getWidth(), m.cellWidth());
        configure(vertical, contentH, surface.getHeight(), m.rowHeight());
        draw();
    }

    private static void configure(ScrollBar bar, double content, double viewport, double unit) {
        double max = Math.max(0, content - viewport);
        bar.setMax(max);
        bar.setVisibleAmount(content <= 0 ? 1 : Math.max(1, max * viewport / content));
        bar.setUnitIncrement(unit);
        bar.setBlockIncrement(Math.max(unit, viewport * 0.9));
        bar.setDisable(max == 0);
        if (bar.getValue() > max) {
            bar.setValue(max);
        }
    }

    /** The largest picture a canvas can hold on common graphics cards; larger circuits are cut there. */
    private static final double MAX_PICTURE = 16_000;

    /**
     * The whole circuit drawn at the current zoom, not just what the viewport shows, with no
     * selection: what "Export circuit image" writes. Empty when there is no circuit.
     */
    public java.util.Optional<javafx.scene.image.WritableImage> picture() {
        CircuitLayout l = viewModel.layoutProperty().get();
        if (l == null || viewModel.circuit() == null) {
            return java.util.Optional.empty();
        }
        CanvasMetrics m = viewModel.metrics();
        double w = Math.min(MAX_PICTURE, pictureWidth(l, m));
        double h = Math.min(MAX_PICTURE, m.height(l.rows()));
        Canvas whole = new Canvas(w, h);
        painter.paint(whole.getGraphicsContext2D(), viewModel.circuit(), l, m, 0, 0, w, h, NO_OVERLAY);
        return java.util.Optional.of(whole.snapshot(null, null));
    }

    /**
     * The same picture as {@link #picture()}, as an SVG document: drawn by the same painter, and
     * never cut, since SVG has no texture limit. Empty when there is no circuit.
     */
    public java.util.Optional<String> svg() {
        CircuitLayout l = viewModel.layoutProperty().get();
        if (l == null || viewModel.circuit() == null) {
            return java.util.Optional.empty();
        }
        CanvasMetrics m = viewModel.metrics();
        double w = pictureWidth(l, m);
        double h = m.height(l.rows());
        SvgDrawing drawing = new SvgDrawing(w, h);
        painter.paint(drawing, viewModel.circuit(), l, m, 0, 0, w, h, NO_OVERLAY);
        return java.util.Optional.of(drawing.svg());
    }

    private static final CircuitPainter.Overlay NO_OVERLAY = new CircuitPainter.Overlay(Set.of(), -1, null, null);

    /** The circuit's width plus half a cell, so the last gate does not touch the edge. */
    private static double pictureWidth(CircuitLayout l, CanvasMetrics m) {
        return m.width(l.columns()) + m.cellWidth() / 2;
    }

    private void draw() {
        painter.paint(canvas.getGraphicsContext2D(), viewModel.circuit(), viewModel.layoutProperty().get(), viewModel.metrics(),
                horizontal.getValue(), vertical.getValue(), canvas.getWidth(), canvas.getHeight(),
                new CircuitPainter.Overlay(Set.copyOf(viewModel.selection()), viewModel.selectedWireProperty().get(), preview, band));
    }

    private void showPreview(CircuitPainter.Preview p) {
        preview = p;
        draw();
    }

    // ---- coordinates ----

    private double contentX(double x) {
        return x + horizontal.getValue();
    }

    private double contentY(double y) {
        return y + vertical.getValue();
    }

    private int columnAt(MouseEvent e) {
        return Math.max(0, viewModel.metrics().columnAt(contentX(e.getX())));
    }

    private int rowAt(MouseEvent e) {
        return viewModel.metrics().rowAt(contentY(e.getY()));
    }

    private boolean overLabels(MouseEvent e) {
        return e.getX() < viewModel.metrics().labelWidth();
    }

    private int operationAt(MouseEvent e) {
        CircuitLayout l = viewModel.layoutProperty().get();
        return l == null || overLabels(e) ? -1 : l.operationAt(viewModel.metrics().columnAt(contentX(e.getX())), rowAt(e));
    }

    private boolean isQubitRow(int row) {
        Circuit c = viewModel.circuit();
        return c != null && row >= 0 && row < c.numQubits();
    }

    // ---- mouse ----

    private void pressed(MouseEvent e) {
        surface.requestFocus();
        tooltip.hide();
        if (menu != null) {
            menu.hide();
        }
        int op = operationAt(e);
        int row = rowAt(e);
        startRow = row;
        startColumn = columnAt(e);
        if (e.getButton() == MouseButton.SECONDARY) {
            if (op >= 0) {
                if (!viewModel.selection().contains(op)) {
                    viewModel.select(Set.of(op));
                }
                showMenu(op, e);
            }
            return;
        }
        if (palette.armed().isPresent() && isQubitRow(row) && !overLabels(e)) {
            gesture = Gesture.PLACE_ACROSS;
            showPreview(new CircuitPainter.Preview(startColumn, row, row, palette.armedLabel()));
            return;
        }
        if (op >= 0) {
            if (e.isShortcutDown()) {
                viewModel.toggle(op);
            } else if (!viewModel.selection().contains(op)) {
                viewModel.select(Set.of(op));
            }
            if (e.getClickCount() == 2) {
                edit(op);
                return;
            }
            gesture = Gesture.MOVE;
            grabbed = op;
            return;
        }
        viewModel.selectedWireProperty().set(isQubitRow(row) ? row : -1);
        if (!e.isShortcutDown()) {
            viewModel.clearSelection();
        }
        if (!overLabels(e)) {
            gesture = Gesture.BAND;
            band = new double[] {contentX(e.getX()), contentY(e.getY()), contentX(e.getX()), contentY(e.getY())};
        }
    }

    private void dragged(MouseEvent e) {
        int row = rowAt(e);
        int col = columnAt(e);
        switch (gesture) {
            case MOVE -> {
                CircuitLayout l = viewModel.layoutProperty().get();
                int delta = row - startRow;
                showPreview(new CircuitPainter.Preview(col, l.topOf(grabbed) + (e.isShiftDown() ? 0 : delta),
                        l.bottomOf(grabbed) + (e.isShiftDown() ? 0 : delta), null));
            }
            case BAND -> {
                band[2] = contentX(e.getX());
                band[3] = contentY(e.getY());
                CanvasMetrics m = viewModel.metrics();
                viewModel.selectWithin(m.columnAt(band[0]), m.columnAt(band[2]), m.rowAt(band[1]), m.rowAt(band[3]));
                draw();
            }
            case PLACE_ACROSS -> showPreview(new CircuitPainter.Preview(startColumn, Math.min(startRow, row),
                    Math.max(startRow, row), palette.armedLabel()));
            case NONE -> { }
        }
    }

    private void released(MouseEvent e) {
        Gesture done = gesture;
        gesture = Gesture.NONE;
        preview = null;
        band = null;
        int row = rowAt(e);
        int col = columnAt(e);
        switch (done) {
            case MOVE -> {
                if (row != startRow || col != startColumn) {
                    viewModel.move(grabbed, startRow, Math.max(0, row), col, e.isShiftDown());
                }
            }
            case PLACE_ACROSS -> {
                palette.armed().ifPresent(id -> viewModel.placeAcross(id, startRow, row, startColumn));
                palette.disarm();
            }
            default -> { }
        }
        grabbed = -1;
        draw();
    }

    private void hover(MouseEvent e) {
        int op = operationAt(e);
        if (op != hovered) {
            hovered = op;
            if (op < 0) {
                tooltip.hide();
                tooltip.setText(null);
            } else {
                tooltip.setText(viewModel.describe(op));
            }
        }
    }

    private void paletteDragOver(MouseDragEvent e) {
        Object source = palette.dragSource(e.getGestureSource()).orElse(null);
        String id = GatePaletteView.entryOf(source);
        int row = rowAt(e);
        if (id == null || !isQubitRow(row)) {
            showPreview(null);
            return;
        }
        int k = viewModel.paletteProperty().get().entry(id).map(GatePalette.Entry::qubits).orElse(1);
        int n = viewModel.circuit().numQubits();
        int first = Math.max(0, Math.min(row, n - k));
        showPreview(new CircuitPainter.Preview(columnAt(e), first, Math.min(n - 1, first + k - 1), GatePaletteView.labelOf(source)));
    }

    private void paletteDropped(MouseDragEvent e) {
        String id = GatePaletteView.entryOf(palette.dragSource(e.getGestureSource()).orElse(null));
        palette.dragEnded();
        preview = null;
        if (id != null) {
            surface.requestFocus();
            viewModel.drop(id, rowAt(e), columnAt(e));
        }
        draw();
    }

    private void scrolled(ScrollEvent e) {
        if (e.isShortcutDown()) {
            if (e.getDeltaY() > 0) {
                viewModel.zoomIn();
            } else if (e.getDeltaY() < 0) {
                viewModel.zoomOut();
            }
        } else {
            // Shift+wheel scrolls sideways; some platforms already turn it into a horizontal delta.
            double dx = e.getDeltaX() != 0 ? e.getDeltaX() : e.isShiftDown() ? e.getDeltaY() : 0;
            double dy = e.isShiftDown() ? 0 : e.getDeltaY();
            horizontal.setValue(clamp(horizontal, horizontal.getValue() - dx));
            vertical.setValue(clamp(vertical, vertical.getValue() - dy));
        }
        e.consume();
    }

    private static double clamp(ScrollBar bar, double v) {
        return Math.max(bar.getMin(), Math.min(bar.getMax(), v));
    }

    // ---- editing dialogs ----

    private void edit(int op) {
        if (viewModel.hasParameters(op)) {
            editAngles(op);
        } else if (viewModel.circuit().operations().get(op).qubits().size() > 1) {
            chooseQubits(op);
        }
    }

    private void editAngles(int op) {
        ask("Edit angle", "Angles of " + viewModel.describe(op).lines().findFirst().orElse("") + " — e.g. pi/4, theta",
                viewModel.parametersText(op)).ifPresent(text -> viewModel.editParameters(op, text));
    }

    private void chooseQubits(int op) {
        String current = String.join(", ", viewModel.circuit().operations().get(op).qubits().stream().map(String::valueOf).toList());
        ask("Choose qubits", "Qubit numbers, in argument order (controls first)", current)
                .ifPresent(text -> viewModel.setQubits(op, text));
    }

    private Optional<String> ask(String title, String header, String value) {
        TextInputDialog dialog = new TextInputDialog(value);
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        if (surface.getScene() != null) {
            dialog.initOwner(surface.getScene().getWindow());
        }
        return dialog.showAndWait();
    }

    private void showMenu(int op, MouseEvent e) {
        MenuItem angles = new MenuItem("Edit Angle…");
        angles.setDisable(!viewModel.hasParameters(op));
        angles.setOnAction(a -> editAngles(op));
        MenuItem qubits = new MenuItem("Choose Qubits…");
        qubits.setOnAction(a -> chooseQubits(op));
        MenuItem copy = new MenuItem("Copy");
        copy.setOnAction(a -> viewModel.copySelection());
        MenuItem delete = new MenuItem("Delete");
        delete.setOnAction(a -> viewModel.deleteSelection());
        menu = new ContextMenu(angles, qubits, copy, delete);
        menu.show(surface, e.getScreenX(), e.getScreenY());
    }

    // ---- keyboard ----

    private void keyPressed(KeyEvent e) {
        KeyCode code = e.getCode();
        boolean handled = true;
        if (e.isShortcutDown()) {
            switch (code) {
                case A -> viewModel.selectAll();
                case C -> viewModel.copySelection();
                case X -> {
                    viewModel.copySelection();
                    viewModel.deleteSelection();
                }
                case V -> viewModel.paste();
                case PLUS, EQUALS, ADD -> viewModel.zoomIn();
                case MINUS, SUBTRACT -> viewModel.zoomOut();
                case DIGIT0, NUMPAD0 -> viewModel.resetZoom();
                default -> handled = false;
            }
        } else {
            switch (code) {
                case DELETE, BACK_SPACE -> {
                    if (viewModel.typedProperty().get().isEmpty()) {
                        viewModel.deleteSelection();
                    } else {
                        viewModel.backspace();
                    }
                }
                case ENTER -> viewModel.placeTyped();
                case ESCAPE -> {
                    viewModel.clearTyped();
                    viewModel.clearSelection();
                    palette.disarm();
                }
                case UP -> moveWire(-1);
                case DOWN -> moveWire(1);
                default -> handled = false;
            }
        }
        if (handled) {
            e.consume();
        }
    }

    private void moveWire(int step) {
        Circuit c = viewModel.circuit();
        if (c != null && c.numQubits() > 0) {
            int w = viewModel.selectedWireProperty().get();
            viewModel.selectedWireProperty().set(Math.floorMod((w < 0 ? 0 : w + step), c.numQubits()));
        }
    }

    private void keyTyped(KeyEvent e) {
        String ch = e.getCharacter();
        if (e.isShortcutDown() || e.isAltDown() || ch.isEmpty() || ch.charAt(0) < 0x20 || ch.charAt(0) == 0x7f) {
            return;
        }
        viewModel.type(ch);
        e.consume();
    }
}
