package io.qubench.app.results;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.qubench.analysis.OutcomeEstimate;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** The results panel: histogram with interval error bars, its controls, the outcome table and export. */
public final class ResultsView {

    private final ResultsViewModel viewModel;
    private final Window owner;
    private final ResultsChart chart;
    private final TableView<OutcomeEstimate> table = new TableView<>();
    private final BorderPane root = new BorderPane();

    public ResultsView(ResultsViewModel viewModel, Window owner) {
        this.viewModel = viewModel;
        this.owner = owner;
        this.chart = new ResultsChart(viewModel::describe);
        root.getStyleClass().add("results-view");
        root.setTop(controls());
        SplitPane split = new SplitPane(chart.node(), table());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        root.setCenter(split);
        viewModel.bars().addListener((ListChangeListener<OutcomeEstimate>) c -> redraw());
        viewModel.titleProperty().addListener((obs, old, t) -> redraw());
        redraw();
    }

    public Node root() {
        return root;
    }

    private void redraw() {
        chart.show(viewModel.titleProperty().get(), viewModel.bars());
    }

    private ToolBar controls() {
        ChoiceBox<ResultsViewModel.SortOrder> sort = new ChoiceBox<>(FXCollections.observableArrayList(ResultsViewModel.SortOrder.values()));
        sort.setId("results-sort");
        sort.valueProperty().bindBidirectional(viewModel.sortOrderProperty());
        Spinner<Integer> topK = new Spinner<>(1, 4096, viewModel.topKProperty().get(), 8);
        topK.setId("results-top-k");
        topK.setEditable(true);
        topK.setPrefWidth(85);
        topK.setTooltip(new Tooltip("How many of the most frequent outcomes the chart shows"));
        topK.valueProperty().addListener((obs, old, v) -> viewModel.topKProperty().set(v));
        ComboBox<Double> level = new ComboBox<>(FXCollections.observableArrayList(ResultsViewModel.LEVELS));
        level.setId("results-level");
        level.setTooltip(new Tooltip("Confidence level of the Wilson error bars"));
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double d) {
                return d == null ? "" : ResultsViewModel.percent(d);
            }

            @Override
            public Double fromString(String s) {
                return Double.parseDouble(s.replace("%", "").trim()) / 100;
            }
        });
        level.setValue(viewModel.confidenceLevelProperty().get());
        level.valueProperty().addListener((obs, old, v) -> {
            if (v != null) {
                viewModel.confidenceLevelProperty().set(v);
            }
        });
        MenuItem copyCsv = new MenuItem("Copy as CSV");
        copyCsv.setId("copy-csv");
        copyCsv.setOnAction(e -> copy(viewModel.csv()));
        MenuItem copyJson = new MenuItem("Copy as JSON");
        copyJson.setOnAction(e -> copy(viewModel.json()));
        MenuButton copy = new MenuButton("Copy", null, copyCsv, copyJson);
        copy.setId("results-copy");
        Button export = new Button("Export…");
        export.setId("results-export");
        export.setOnAction(e -> chooseExportFile());
        copy.disableProperty().bind(viewModel.resultProperty().isNull());
        export.disableProperty().bind(viewModel.resultProperty().isNull());
        Label status = new Label();
        status.setId("results-export-status");
        status.textProperty().bind(viewModel.exportStatusProperty());
        return new ToolBar(new Label("Order"), sort, new Label("Top"), topK, new Label("Interval"), level, copy, export, status);
    }

    private TableView<OutcomeEstimate> table() {
        table.setId("results-table");
        table.setPlaceholder(new Label("Press Simulate (F5) to run the circuit"));
        TableColumn<OutcomeEstimate, String> outcome = new TableColumn<>("Outcome");
        outcome.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().bitstring()));
        outcome.getStyleClass().add("monospaced");
        TableColumn<OutcomeEstimate, Integer> count = new TableColumn<>("Count");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().count()));
        count.getStyleClass().add("number-column");
        TableColumn<OutcomeEstimate, Double> probability = new TableColumn<>("Probability");
        probability.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().probability()));
        probability.setCellFactory(column -> new FormattedCell("%.4f"));
        probability.getStyleClass().add("number-column");
        TableColumn<OutcomeEstimate, Double> lower = new TableColumn<>("Interval low");
        lower.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().interval().lower()));
        lower.setCellFactory(column -> new FormattedCell("%.4f"));
        lower.getStyleClass().add("number-column");
        TableColumn<OutcomeEstimate, Double> upper = new TableColumn<>("Interval high");
        upper.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().interval().upper()));
        upper.setCellFactory(column -> new FormattedCell("%.4f"));
        upper.getStyleClass().add("number-column");
        table.getColumns().setAll(List.of(outcome, count, probability, lower, upper));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // The table's own column sorting works on a sorted view; the model's list stays in model order.
        SortedList<OutcomeEstimate> sorted = new SortedList<>(viewModel.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        return table;
    }

    /** A number cell with a fixed format, right-aligned. */
    private static final class FormattedCell extends TableCell<OutcomeEstimate, Double> {
        private final String format;

        FormattedCell(String format) {
            this.format = format;
        }

        @Override
        protected void updateItem(Double value, boolean empty) {
            super.updateItem(value, empty);
            setText(empty || value == null ? null : String.format(Locale.ROOT, format, value));
        }
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void chooseExportFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export counts");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV", "*.csv"),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        chooser.setInitialFileName("counts.csv");
        File file = chooser.showSaveDialog(owner);
        if (file != null) {
            viewModel.export(file.toPath());
        }
    }

    /** The bars now drawn: outcome → count, in chart order. */
    public Map<String, Integer> shownCounts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        chart.shown().forEach(e -> out.put(e.bitstring(), e.count()));
        return out;
    }

    /** The chart's bars, for tests. */
    List<OutcomeEstimate> chartBars() {
        return chart.shown();
    }

    /** The hover text of a bar, for tests. */
    String chartToolTip(int column) {
        return chart.toolTip(column);
    }
}
