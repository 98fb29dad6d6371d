package io.qubench.app.canvas;

import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The palette beside the canvas: one tile per entry, grouped. Drag a tile onto a wire to place
 * it there; or click it, then drag across wires on the canvas to choose its qubits.
 */
final class GatePaletteView {

    private static final String ARMED = "armed";

    private final CircuitCanvasViewModel viewModel;
    private final VBox groups = new VBox();
    private final ScrollPane scroll = new ScrollPane(groups);
    private Label armed;
    private Label pressed;
    private Label dragged;

    GatePaletteView(CircuitCanvasViewModel viewModel) {
        this.viewModel = viewModel;
        groups.getStyleClass().add("gate-palette");
        scroll.setId("gate-palette");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("gate-palette-scroll");
        viewModel.paletteProperty().addListener((obs, old, p) -> {
            if (old == null || !old.entries().equals(p.entries())) {
                rebuild(p);
            }
        });
        rebuild(viewModel.paletteProperty().get());
    }

    Node node() {
        return scroll;
    }

    /** The entry whose tile is the source of a drag, or null when the source is something else. */
    static String entryOf(Object gestureSource) {
        return gestureSource instanceof Label l && l.getUserData() instanceof GatePalette.Entry e ? e.id() : null;
    }

    static String labelOf(Object gestureSource) {
        return gestureSource instanceof Label l ? l.getText() : null;
    }

    /**
     * The tile being dragged onto the canvas: the one whose drag began, else the drag event's source.
     */
    Optional<Label> dragSource(Object gestureSource) {
        if (dragged == null && entryOf(gestureSource) != null) {
            return Optional.of((Label) gestureSource);
        }
        return Optional.ofNullable(dragged);
    }

    /** The drag ended on the canvas. */
    void dragEnded() {
        dragged = null;
        pressed = null;
    }

    /** The entry clicked to be placed by dragging across wires, if any. */
    Optional<String> armed() {
        return Optional.ofNullable(armed).map(GatePaletteView::entryOf);
    }

    String armedLabel() {
        return armed == null ? null : armed.getText();
    }

    void disarm() {
        if (armed != null) {
            armed.getStyleClass().remove(ARMED);
            armed = null;
        }
    }

    private void rebuild(GatePalette palette) {
        disarm();
        groups.getChildren().clear();
        for (GatePalette.Group group : GatePalette.Group.values()) {
            var entries = palette.entries(group);
            if (entries.isEmpty()) {
                continue;
            }
            Label title = new Label(group.title());
            title.getStyleClass().add("palette-group-title");
            FlowPane tiles = new FlowPane();
            tiles.getStyleClass().add("palette-tiles");
            for (GatePalette.Entry e : entries) {
                tiles.getChildren().add(tile(e));
            }
            groups.getChildren().addAll(title, tiles);
        }
    }

    private Label tile(GatePalette.Entry e) {
        Label tile = new Label(e.kind() == GatePalette.Kind.MEASURE ? "M" : e.kind() == GatePalette.Kind.RESET ? "|0⟩"
                : e.kind() == GatePalette.Kind.BARRIER ? "┆" : e.label());
        tile.setId("palette-" + e.id().replace(':', '-'));
        tile.setUserData(e);
        tile.getStyleClass().addAll("palette-tile", e.group().styleClass());
        tile.setTooltip(new Tooltip(tooltip(e)));
        tile.setOnMousePressed(ev -> {
            pressed = tile;
            dragged = null;
        });
        // Drag detection may fire on a neighbouring tile once the pointer has moved on: drag the pressed one.
        tile.setOnDragDetected(ev -> {
            dragged = pressed != null ? pressed : tile;
            dragged.startFullDrag();
            ev.consume();
        });
        tile.setOnMouseClicked(ev -> {
            if (ev.getButton() == MouseButton.PRIMARY && ev.isStillSincePress()) {
                boolean same = armed == tile;
                disarm();
                if (!same) {
                    armed = tile;
                    tile.getStyleClass().add(ARMED);
                }
            }
        });
        return tile;
    }

    private static String tooltip(GatePalette.Entry e) {
        String what = switch (e.kind()) {
            case GATE -> e.gate().qasmName() + (e.gate().numParams() > 0 ? " (" + e.gate().numParams() + " angle"
                    + (e.gate().numParams() > 1 ? "s" : "") + ", double-click a placed one to edit)" : "")
                    + " on " + e.gate().numQubits() + " qubit" + (e.gate().numQubits() > 1 ? "s" : "");
            case MEASURE -> "measure a qubit into the classical bit of the same number";
            case RESET -> "reset a qubit to |0⟩";
            case BARRIER -> "barrier across every qubit";
        };
        return what + "\nDrag onto a wire, or click and then drag across wires";
    }
}
