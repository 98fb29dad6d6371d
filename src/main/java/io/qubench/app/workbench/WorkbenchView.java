package io.qubench.app.workbench;

import java.io.File;
import java.util.Map;

import org.controlsfx.control.StatusBar;

import io.qubench.app.canvas.CircuitCanvasView;
import io.qubench.app.livestate.LiveStateView;
import io.qubench.app.results.ResultsView;
import io.qubench.sim.Engine;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import io.qubench.qasm.QasmVersion;
import java.nio.file.Path;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * One document's nodes: menu, tool bar, canvas, QASM editor, results, status bar. Alone it is
 * the whole window; in {@link WorkbenchTabsView} it is one tab and New, Open and Quit go to the
 * tabs through its {@link DocumentHost}.
 */
public final class WorkbenchView {

    /** Where New, Open, Close and Quit go: a lone view replaces its own document, the tabbed window opens tabs. */
    public interface DocumentHost {
        void newCircuit();

        void openSample(WorkbenchViewModel.Sample sample);

        void openFile(Path file);

        void close();

        void quit();
    }

    private final WorkbenchViewModel viewModel;
    private final Window owner;
    private final BorderPane root = new BorderPane();
    private final QasmEditor editor;
    private final ResultsView results;
    private final LiveStateView liveState;
    private final Label errorLabel = new Label();
    private final Menu recent = new Menu("Open Recent");
    private final CircuitCanvasView canvas;
    private final DocumentHost host;
    private final MenuBar menuBar;

    /** The whole window for one document. */
    public WorkbenchView(WorkbenchViewModel viewModel, Window owner) {
        this(viewModel, owner, null);
    }

    /** One document whose New, Open, Close and Quit go to {@code host}; the host shows {@link #menuBar()}. */
    WorkbenchView(WorkbenchViewModel viewModel, Window owner, DocumentHost host) {
        this.viewModel = viewModel;
        this.owner = owner;
        this.host = host == null ? new LoneDocument() : host;
        this.editor = new QasmEditor(viewModel);
        this.canvas = new CircuitCanvasView(viewModel.canvas());
        this.results = new ResultsView(viewModel.results(), owner);
        this.liveState = new LiveStateView(viewModel.liveState());
        root.getStyleClass().add("workbench");
        this.menuBar = buildMenuBar();
        root.setTop(host == null ? new VBox(menuBar, toolBar()) : toolBar());
        root.setCenter(content());
        root.setBottom(statusBar());
    }

    public Parent root() {
        return root;
    }

    /** The menu bar: inside {@link #root()} when alone, else for the host to show while this document is selected. */
    MenuBar menuBar() {
        return menuBar;
    }

    WorkbenchViewModel viewModel() {
        return viewModel;
    }

    /** The document replaced in place, after asking about unsaved changes. */
    private final class LoneDocument implements DocumentHost {
        @Override
        public void newCircuit() {
            if (confirmDiscard("start a new circuit")) {
                viewModel.newCircuit();
            }
        }

        @Override
        public void openSample(WorkbenchViewModel.Sample sample) {
            if (confirmDiscard("open a sample")) {
                viewModel.openSample(sample);
            }
        }

        @Override
        public void openFile(Path file) {
            if (confirmDiscard("open another file")) {
                viewModel.openFile(file);
            }
        }

        @Override
        public void close() {
            quit();
        }

        @Override
        public void quit() {
            if (confirmDiscard("quit")) {
                owner.hide();
            }
        }
    }

    private MenuBar buildMenuBar() {
        MenuItem newCircuit = new MenuItem("New");
        newCircuit.setAccelerator(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        newCircuit.setOnAction(e -> host.newCircuit());
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN));
        open.setOnAction(e -> chooseFile());
        Menu samples = new Menu("Open Sample");
        samples.setId("menu-samples");
        for (WorkbenchViewModel.Sample s : WorkbenchViewModel.Sample.values()) {
            samples.getItems().add(sampleItem(s));
        }
        recent.setId("menu-recent");
        recent.setDisable(true);
        MenuItem save = new MenuItem("Save");
        save.setId("menu-save");
        save.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        save.setOnAction(e -> save());
        MenuItem saveAs = new MenuItem("Save As…");
        saveAs.setAccelerator(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        saveAs.setOnAction(e -> saveAs());
        MenuItem export2 = new MenuItem("OpenQASM 2…");
        export2.setOnAction(e -> export(QasmVersion.V2));
        MenuItem export3 = new MenuItem("OpenQASM 3…");
        export3.setOnAction(e -> export(QasmVersion.V3));
        MenuItem exportImage = new MenuItem("Circuit Image (PNG)…");
        exportImage.setOnAction(e -> exportImage());
        MenuItem exportSvg = new MenuItem("Circuit Image (SVG)…");
        exportSvg.setId("menu-export-svg");
        exportSvg.setOnAction(e -> exportSvg());
        Menu export = new Menu("Export", null, export2, export3, new SeparatorMenuItem(), exportImage, exportSvg);
        MenuItem close = new MenuItem("Close");
        close.setId("menu-close");
        close.setAccelerator(new KeyCodeCombination(KeyCode.W, KeyCombination.SHORTCUT_DOWN));
        close.setOnAction(e -> host.close());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> host.quit());
        Menu file = new Menu("File", null, newCircuit, open, samples, recent, new SeparatorMenuItem(), save, saveAs, export,
                new SeparatorMenuItem(), close, quit);

        CheckMenuItem dark = new CheckMenuItem("Dark Theme");
        dark.setId("menu-dark-theme");
        dark.selectedProperty().bindBidirectional(viewModel.darkThemeProperty());
        MenuItem zoomIn = new MenuItem("Zoom In");
        zoomIn.setAccelerator(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        zoomIn.setOnAction(e -> viewModel.canvas().zoomIn());
        MenuItem zoomOut = new MenuItem("Zoom Out");
        zoomOut.setAccelerator(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        zoomOut.setOnAction(e -> viewModel.canvas().zoomOut());
        MenuItem zoomReset = new MenuItem("Actual Size");
        zoomReset.setAccelerator(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        zoomReset.setOnAction(e -> viewModel.canvas().resetZoom());
        Menu view = new Menu("View", null, dark, new SeparatorMenuItem(), zoomIn, zoomOut, zoomReset);

        MenuItem simulate = new MenuItem("Simulate");
        simulate.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        simulate.setOnAction(e -> viewModel.simulate());
        simulate.disableProperty().bind(viewModel.runningProperty());
        MenuItem cancel = new MenuItem("Cancel Simulation");
        cancel.setOnAction(e -> viewModel.cancelSimulation());
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        Menu run = new Menu("Run", null, simulate, cancel);

        MenuItem gotoError = new MenuItem("Go to Error");
        gotoError.setOnAction(e -> editor.showError());
        gotoError.disableProperty().bind(viewModel.errorProperty().isNull());
        Menu edit = new Menu("Edit", null, editItems());
        edit.getItems().addAll(new SeparatorMenuItem(), gotoError);

        MenuBar bar = new MenuBar(file, edit, view, run);
        bar.setId("menu-bar");
        return bar;
    }

    /** Undo and redo act on the shared history; the others on the canvas or, when it has the focus, the text. */
    private MenuItem[] editItems() {
        var commands = viewModel.commands();
        MenuItem undo = new MenuItem();
        undo.setId("menu-undo");
        undo.textProperty().bind(Bindings.concat("Undo ", commands.undoDescriptionProperty()));
        undo.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undo.disableProperty().bind(commands.canUndoProperty().not());
        undo.setOnAction(e -> undo());
        MenuItem redo = new MenuItem();
        redo.setId("menu-redo");
        redo.textProperty().bind(Bindings.concat("Redo ", commands.redoDescriptionProperty()));
        redo.setAccelerator(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
        redo.disableProperty().bind(commands.canRedoProperty().not());
        redo.setOnAction(e -> viewModel.redo());
        var area = editor.area();
        MenuItem copy = new MenuItem("Copy");
        copy.setAccelerator(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN));
        copy.setOnAction(e -> onFocused(area::copy, viewModel.canvas()::copySelection));
        MenuItem paste = new MenuItem("Paste");
        paste.setAccelerator(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN));
        paste.setOnAction(e -> onFocused(area::paste, viewModel.canvas()::paste));
        MenuItem delete = new MenuItem("Delete");
        delete.setId("menu-delete");
        delete.setAccelerator(new KeyCodeCombination(KeyCode.DELETE));
        delete.setOnAction(e -> onFocused(() -> area.replaceSelection(""), viewModel.canvas()::deleteSelection));
        MenuItem selectAll = new MenuItem("Select All");
        selectAll.setId("menu-select-all");
        selectAll.setAccelerator(new KeyCodeCombination(KeyCode.A, KeyCombination.SHORTCUT_DOWN));
        selectAll.setOnAction(e -> onFocused(area::selectAll, viewModel.canvas()::selectAll));
        return new MenuItem[] {undo, redo, new SeparatorMenuItem(), copy, paste, delete, selectAll};
    }

    /** Typing not yet taken in is undone by the text area itself; otherwise the shared history undoes. */
    private void undo() {
        if (editor.hasUncommittedTyping()) {
            editor.area().undo();
        } else {
            viewModel.undo();
        }
    }

    private void onFocused(Runnable inText, Runnable onCanvas) {
        if (editor.area().isFocused()) {
            inText.run();
        } else {
            onCanvas.run();
        }
    }

    private MenuItem sampleItem(WorkbenchViewModel.Sample s) {
        MenuItem item = new MenuItem(s.title());
        item.setId("sample-" + s.name().toLowerCase(java.util.Locale.ROOT));
        item.setOnAction(e -> openSample(s));
        return item;
    }

    private void openSample(WorkbenchViewModel.Sample sample) {
        host.openSample(sample);
    }

    private ToolBar toolBar() {
        Button open = new Button("Open…");
        open.setOnAction(e -> chooseFile());
        MenuButton samples = new MenuButton("Samples");
        samples.setId("samples-button");
        for (WorkbenchViewModel.Sample s : WorkbenchViewModel.Sample.values()) {
            MenuItem item = new MenuItem(s.title());
            item.setOnAction(e -> openSample(s));
            samples.getItems().add(item);
        }
        Spinner<Integer> shots = new Spinner<>(1, 1_000_000, viewModel.shotsProperty().get(), 256);
        shots.setId("shots");
        shots.setEditable(true);
        shots.setPrefWidth(110);
        shots.valueProperty().addListener((obs, old, v) -> viewModel.shotsProperty().set(v));
        TextField seed = new TextField();
        seed.setId("seed");
        seed.setPromptText("random");
        seed.setPrefColumnCount(8);
        seed.textProperty().bindBidirectional(viewModel.seedTextProperty());
        ComboBox<Engine> engine = new ComboBox<>(FXCollections.observableArrayList(Engine.values()));
        engine.setId("engine");
        engine.setTooltip(new Tooltip("Simulation engine: auto chooses by circuit"));
        engine.valueProperty().bindBidirectional(viewModel.engineProperty());
        engine.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Engine e) {
                return e == null ? "" : e.cliName();
            }

            @Override
            public Engine fromString(String s) {
                return Engine.named(s);
            }
        });
        Button run = new Button("Simulate ▶");
        run.setId("simulate");
        run.getStyleClass().add("accent");
        run.setTooltip(new Tooltip("Simulate on this machine (F5)"));
        run.setOnAction(e -> viewModel.simulate());
        run.disableProperty().bind(viewModel.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> viewModel.cancelSimulation());
        cancel.visibleProperty().bind(viewModel.runningProperty());
        Button undo = new Button("↶");
        undo.setId("undo-button");
        undo.setTooltip(new Tooltip("Undo (Ctrl+Z): canvas and text edits alike"));
        undo.disableProperty().bind(viewModel.commands().canUndoProperty().not());
        undo.setOnAction(e -> undo());
        Button redo = new Button("↷");
        redo.setId("redo-button");
        redo.setTooltip(new Tooltip("Redo (Ctrl+Y)"));
        redo.disableProperty().bind(viewModel.commands().canRedoProperty().not());
        redo.setOnAction(e -> viewModel.redo());
        return new ToolBar(open, samples, undo, redo, new Label("Shots"), shots, new Label("Seed"), seed, new Label("Engine"), engine, run,
                cancel);
    }

    private SplitPane content() {
        errorLabel.setId("error-label");
        errorLabel.getStyleClass().add("error-label");
        errorLabel.setWrapText(true);
        errorLabel.setMaxWidth(Double.MAX_VALUE);
        errorLabel.textProperty().bind(Bindings.createStringBinding(
                () -> viewModel.errorProperty().get() == null ? "" : viewModel.errorProperty().get().describe(),
                viewModel.errorProperty()));
        errorLabel.visibleProperty().bind(viewModel.errorProperty().isNotNull());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        errorLabel.setOnMouseClicked(e -> editor.showError());
        VBox text = new VBox(editor.node(), errorLabel);
        VBox.setVgrow(editor.node(), Priority.ALWAYS);
        SplitPane left = new SplitPane(canvas.node(), text);
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.55);

        SplitPane split = new SplitPane(left, resultTabs());
        split.setDividerPositions(0.6);
        split.setPadding(new Insets(4));
        return split;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(viewModel.statusProperty());
        Label summary = new Label();
        summary.setId("circuit-summary");
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> WorkbenchViewModel.summary(viewModel.circuitProperty().get()), viewModel.circuitProperty()));
        Label lastRun = new Label();
        lastRun.setId("last-run");
        // Engine and last run time stay in view after the status text has moved on to other news.
        lastRun.textProperty().bind(Bindings.createStringBinding(() -> {
            var r = viewModel.resultProperty().get();
            String chosen = viewModel.engineProperty().get().name().toLowerCase(java.util.Locale.ROOT);
            return r == null ? "engine " + chosen + " · not run yet"
                    : String.format(java.util.Locale.ROOT, "%s engine · last run %.1f ms", r.engine(), r.elapsedNanos() / 1e6);
        }, viewModel.resultProperty(), viewModel.engineProperty()));
        bar.getRightItems().addAll(summary, new javafx.scene.control.Separator(Orientation.VERTICAL), lastRun);
        bar.progressProperty().bind(Bindings.when(viewModel.runningProperty()).then(-1.0).otherwise(0.0));
        return bar;
    }

    /** Results of the last run and the live ideal state, side by side as tabs; live work happens only while shown. */
    private TabPane resultTabs() {
        Tab resultsTab = new Tab("Results", results.root());
        resultsTab.setId("tab-results");
        Tab liveTab = new Tab("Live state", liveState.root());
        liveTab.setId("tab-live-state");
        TabPane tabs = new TabPane(resultsTab, liveTab);
        tabs.setId("result-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        viewModel.liveState().activeProperty().bind(liveTab.selectedProperty());
        viewModel.resultProperty().addListener((obs, old, r) -> {
            if (r != null) {
                tabs.getSelectionModel().select(resultsTab);
            }
        });
        return tabs;
    }

    /** "Open Recent" lists {@code files}, newest first; a file that has gone is said so when chosen. */
    public void showRecentFiles(java.util.List<Path> files) {
        recent.getItems().clear();
        for (Path p : files) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> host.openFile(p));
            recent.getItems().add(item);
        }
        recent.setDisable(files.isEmpty());
    }

    /** Whether the user agrees to leave unsaved changes (saving them first if asked); true when there are none. */
    public boolean confirmDiscard(String action) {
        if (!viewModel.dirtyProperty().get()) {
            return true;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "", saveButton, discard, ButtonType.CANCEL);
        ask.initOwner(owner);
        ask.setTitle("Unsaved changes");
        ask.setHeaderText(viewModel.documentNameProperty().get() + " has changes that are not saved.");
        ask.setContentText("Save them before you " + action + "?");
        ButtonType answer = ask.showAndWait().orElse(ButtonType.CANCEL);
        if (answer == saveButton) {
            return save();
        }
        return answer == discard;
    }

    /** Saves to the document's file, asking where when it has none; false when the user cancels. */
    private boolean save() {
        return viewModel.save() || saveAs();
    }

    private boolean saveAs() {
        File target = qasmChooser("Save OpenQASM circuit").showSaveDialog(owner);
        if (target == null) {
            return false;
        }
        viewModel.saveAs(target.toPath());
        return true;
    }

    private void export(QasmVersion version) {
        File target = qasmChooser("Export as OpenQASM " + (version == QasmVersion.V2 ? "2" : "3")).showSaveDialog(owner);
        if (target != null) {
            viewModel.exportQasm(version, target.toPath());
        }
    }

    /** The whole circuit as a PNG: drawn here on the FX thread, encoded and written by the view model off it. */
    private void exportImage() {
        var picture = canvas.picture();
        if (picture.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export circuit image");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName(viewModel.documentNameProperty().get().replaceFirst("\\.qasm$", "") + ".png");
        File target = chooser.showSaveDialog(owner);
        if (target != null) {
            viewModel.exportImage(javafx.embed.swing.SwingFXUtils.fromFXImage(picture.get(), null), target.toPath());
        }
    }

    /** The whole circuit as SVG: drawn here, written by the view model off the FX thread. */
    private void exportSvg() {
        var svg = canvas.svg();
        if (svg.isEmpty()) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export circuit image");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("SVG image", "*.svg"));
        chooser.setInitialFileName(viewModel.documentNameProperty().get().replaceFirst("\\.qasm$", "") + ".svg");
        File target = chooser.showSaveDialog(owner);
        if (target != null) {
            viewModel.exportSvg(svg.get(), target.toPath());
        }
    }

    private FileChooser qasmChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("OpenQASM", "*.qasm"));
        Path current = viewModel.fileProperty().get();
        chooser.setInitialFileName(viewModel.documentNameProperty().get());
        if (current != null && current.getParent() != null && java.nio.file.Files.isDirectory(current.getParent())) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        return chooser;
    }

    private void chooseFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open OpenQASM circuit");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("OpenQASM", "*.qasm"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(owner);
        if (file != null) {
            host.openFile(file.toPath());
        }
    }

    /** The histogram's bars, for tests: outcome → count. */
    Map<String, Integer> histogramBars() {
        return results.shownCounts();
    }

    QasmEditor editor() {
        return editor;
    }

    CircuitCanvasView canvas() {
        return canvas;
    }
}
