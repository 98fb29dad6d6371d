package io.qubench.app.canvas;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * The region that holds the circuit's canvas and carries its colours as CSS properties
 * ({@code -qb-wire-color: …} in workbench.css), so that drawing code holds no colour of its own.
 */
final class CanvasColours extends Pane {

    private static final StyleablePropertyFactory<CanvasColours> CSS = new StyleablePropertyFactory<>(Pane.getClassCssMetaData());

    /** Each colour by its CSS name: how the CSS engine finds a property of this instance. */
    private final Map<String, StyleableProperty<Color>> byCss = new HashMap<>();

    final StyleableProperty<Color> background = colour("backgroundColor", "-qb-background-color");
    final StyleableProperty<Color> gutter = colour("gutterColor", "-qb-gutter-color");
    final StyleableProperty<Color> label = colour("labelColor", "-qb-label-color");
    final StyleableProperty<Color> wire = colour("wireColor", "-qb-wire-color");
    final StyleableProperty<Color> classicalWire = colour("classicalWireColor", "-qb-classical-wire-color");
    final StyleableProperty<Color> gateText = colour("gateTextColor", "-qb-gate-text-color");
    final StyleableProperty<Color> singleQubit = colour("singleQubitColor", "-qb-single-qubit-color");
    final StyleableProperty<Color> rotation = colour("rotationColor", "-qb-rotation-color");
    final StyleableProperty<Color> multiQubit = colour("multiQubitColor", "-qb-multi-qubit-color");
    final StyleableProperty<Color> userDefined = colour("userDefinedColor", "-qb-user-defined-color");
    final StyleableProperty<Color> measure = colour("measureColor", "-qb-measure-color");
    final StyleableProperty<Color> control = colour("controlColor", "-qb-control-color");
    final StyleableProperty<Color> barrier = colour("barrierColor", "-qb-barrier-color");
    final StyleableProperty<Color> condition = colour("conditionColor", "-qb-condition-color");
    final StyleableProperty<Color> selection = colour("selectionColor", "-qb-selection-color");
    final StyleableProperty<Color> selectedWire = colour("selectedWireColor", "-qb-selected-wire-color");
    final StyleableProperty<Color> preview = colour("previewColor", "-qb-preview-color");

    /** A colour set by CSS; grey until the stylesheet says otherwise. */
    private StyleableProperty<Color> colour(String property, String css) {
        StyleableProperty<Color> p = CSS.createStyleableColorProperty(this, property, css, s -> s.byCss.get(css), Color.GRAY);
        byCss.put(css, p);
        return p;
    }

    static Color of(StyleableProperty<Color> p) {
        return p.getValue();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }
}
