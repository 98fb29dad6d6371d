package io.qubench.app.livestate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/** The live-state panel: probability chart, per-qubit Bloch sketches and the amplitude table. */
public final class LiveStateView {

    private final LiveStateViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final Label message = new Label();
    private final ProbabilityChart chart = new ProbabilityChart();
    private final FlowPane blochPane = new FlowPane(10, 10);
    private final List<BlochSketch> sketches = new ArrayList<>();
    private final TableView<LiveState.Amplitude> amplitudes = new TableView<>();
    private final Label amplitudeCaption = new Label();
    private final TextField observables = new TextField();
    private final Label expectationValues = new Label();
    private final Label observablesError = new Label();

    public LiveStateView(LiveStateViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("live-state-view");
        message.setId("live-state-message");
        message.getStyleClass().add("live-state-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.textProperty().bind(viewModel.messageProperty());
        root.setTop(message);

        blochPane.setId("bloch-vectors");
        blochPane.setPadding(new Insets(6));
        ScrollPane blochScroll = new ScrollPane(blochPane);
        blochScroll.setFitToWidth(true);
        blochScroll.setMinWidth(130);
        SplitPane upper = new SplitPane(chart.node(), blochScroll);
        upper.setDividerPositions(0.55);
        BorderPane lower = new BorderPane(amplitudeTable());
        amplitudeCaption.setId("amplitude-caption");
        amplitudeCaption.setPadding(new Insets(2, 4, 2, 4));
        lower.setTop(amplitudeCaption);
        SplitPane split = new SplitPane(upper, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.58);
        root.setCenter(split);
        root.setBottom(expectationRow());
        viewModel.stateProperty().addListener((obs, old, s) -> show(s));
        show(viewModel.stateProperty().get());
    }

    public Node root() {
        return root;
    }

    private void show(LiveState s) {
        chart.show(s);
        expectationValues.setText(s == null ? "" : expectationText(s.expectations()));
        amplitudes.setItems(s == null ? FXCollections.observableArrayList() : FXCollections.observableArrayList(s.amplitudes()));
        amplitudeCaption.setText(s == null ? ""
                : s.amplitudes().size() < s.nonZero()
                        ? "Largest " + s.amplitudes().size() + " of " + s.nonZero() + " non-zero amplitudes, in basis order"
                        : s.nonZero() + " non-zero amplitude" + (s.nonZero() == 1 ? "" : "s") + "; colour = phase");
        int n = s == null ? 0 : s.qubits();
        while (sketches.size() < n) {
            BlochSketch sketch = new BlochSketch();
            sketches.add(sketch);
        }
        blochPane.getChildren().setAll(sketches.subList(0, n).stream().map(BlochSketch::node).toList());
        for (int q = 0; q < n; q++) {
            sketches.get(q).show(s.qubitLabels().get(q), s.bloch().get(q));
        }
    }

    /** Pauli strings typed in, and their exact expectation values in the state shown. */
    private Node expectationRow() {
        observables.setId("observables");
        observables.setPromptText("Pauli strings, e.g. ZZ, XIX (qubit 0 rightmost)");
        observables.setPrefColumnCount(22);
        observables.textProperty().bindBidirectional(viewModel.observablesProperty());
        expectationValues.setId("expectation-values");
        expectationValues.getStyleClass().add("monospaced");
        observablesError.setId("observables-error");
        observablesError.getStyleClass().add("error-label");
        observablesError.textProperty().bind(viewModel.observablesErrorProperty());
        Label caption = new Label("Expectation values");
        caption.setLabelFor(observables);
        caption.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(observables, Priority.ALWAYS);
        HBox entry = new HBox(8, caption, observables);
        entry.setAlignment(Pos.CENTER_LEFT);
        // Values and problems on lines of their own, wrapped: the panel is narrow beside the editor.
        for (Label l : List.of(expectationValues, observablesError)) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        VBox row = new VBox(4, entry, expectationValues, observablesError);
        row.setPadding(new Insets(4));
        return row;
    }

    /** "⟨ZZ⟩ +1.0000   ⟨XX⟩ −0.5000": rounding noise of a zero shows as +0.0000. */
    static String expectationText(List<LiveState.Expectation> values) {
        StringBuilder text = new StringBuilder();
        for (LiveState.Expectation e : values) {
            if (!text.isEmpty()) {
                text.append("   ");
            }
            double v = Math.abs(e.value()) < 5e-5 ? 0 : e.value();
            text.append('⟨').append(e.pauli()).append("⟩ ").append(String.format(Locale.ROOT, "%+.4f", v));
        }
        return text.toString();
    }

    private TableView<LiveState.Amplitude> amplitudeTable() {
        amplitudes.setId("amplitude-table");
        amplitudes.setPlaceholder(new Label("No state to show"));
        TableColumn<LiveState.Amplitude, String> basis = new TableColumn<>("Basis state");
        basis.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>("|" + c.getValue().bitstring() + "⟩"));
        basis.getStyleClass().add("monospaced");
        TableColumn<LiveState.Amplitude, String> amplitude = new TableColumn<>("Amplitude");
        amplitude.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(complex(c.getValue())));
        amplitude.getStyleClass().add("monospaced");
        TableColumn<LiveState.Amplitude, Double> probability = new TableColumn<>("Probability");
        probability.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().probability()));
        probability.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : String.format(Locale.ROOT, "%.6f", p));
            }
        });
        TableColumn<LiveState.Amplitude, LiveState.Amplitude> phase = new TableColumn<>("Phase");
        phase.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        phase.setCellFactory(col -> new PhaseCell());
        phase.setComparator(Comparator.comparingDouble(LiveStateView::phaseDegrees));
        amplitudes.getColumns().setAll(List.of(basis, amplitude, probability, phase));
        amplitudes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        return amplitudes;
    }

    static String complex(LiveState.Amplitude a) {
        double re = Math.abs(a.re()) < 5e-5 ? 0 : a.re();
        double im = Math.abs(a.im()) < 5e-5 ? 0 : a.im();
        return String.format(Locale.ROOT, "%+.4f %s %.4fi", re, im < 0 ? "-" : "+", Math.abs(im));
    }

    /** The phase in degrees in (−180, 180]: −180 and −0 read as 180 and 0. */
    static double phaseDegrees(LiveState.Amplitude a) {
        double d = Math.toDegrees(a.phase());
        return d <= -180 + 1e-9 ? 180 : d == 0 ? 0 : d;
    }

    /** The colour of a phase: hue = phase (0° red, 120° green, 240° blue). */
    static Color phaseColour(LiveState.Amplitude a) {
        return Color.hsb((phaseDegrees(a) + 360) % 360, 0.75, 0.9);
    }

    /** A swatch of the phase's colour, as wide as the amplitude's magnitude, and the phase in degrees. */
    private static final class PhaseCell extends TableCell<LiveState.Amplitude, LiveState.Amplitude> {
        private final Rectangle swatch = new Rectangle(12, 12);

        @Override
        protected void updateItem(LiveState.Amplitude a, boolean empty) {
            super.updateItem(a, empty);
            if (empty || a == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            swatch.setFill(phaseColour(a));
            swatch.setWidth(6 + 40 * a.magnitude());
            setGraphic(swatch);
            setText(String.format(Locale.ROOT, "%.1f°", phaseDegrees(a)));
        }
    }

    /** The Bloch numbers shown for each qubit, for tests. */
    List<String> blochNumbers() {
        return sketches.stream().limit(blochPane.getChildren().size()).map(BlochSketch::numbersText).toList();
    }

    /** The basis states the chart shows, for tests. */
    List<String> chartStates() {
        return chart.shownStates();
    }
}
