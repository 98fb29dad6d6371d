package io.qubench.app.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.binding.BooleanBinding;
import io.qubench.qasm.QasmVersion;
import io.qubench.qasm.QasmWriter;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;

import io.qubench.app.BackgroundRunner;
import io.qubench.app.canvas.CircuitCanvasViewModel;
import io.qubench.app.edit.CircuitDocument;
import io.qubench.app.edit.CommandManager;
import io.qubench.app.edit.ReplaceCircuit;
import io.qubench.app.livestate.LiveStateViewModel;
import io.qubench.app.results.ResultsViewModel;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.UserInputException;
import io.qubench.qasm.QasmException;
import io.qubench.qasm.QasmReader;
import io.qubench.sim.Engine;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.Simulator;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;

/**
 * State of the workbench window: the QASM text, the circuit it describes or the error it
 * has, and the last simulation. All parsing and simulation runs through the
 * {@link BackgroundRunner}, never on the FX thread.
 *
 * <p>The text and the canvas edit one {@link CircuitDocument} through one {@link CommandManager}:
 * a text edit that parses becomes a {@link ReplaceCircuit}, a canvas edit rewrites the text, and
 * undo and redo take back either.
 */
public final class WorkbenchViewModel {

    /** The example circuits shipped in {@code samples/}. */
    public enum Sample {
        BELL("Bell state", "bell.qasm"),
        GHZ("GHZ state (5 qubits)", "ghz.qasm"),
        QFT("Quantum Fourier transform", "qft.qasm"),
        GROVER("Grover search (3 qubits)", "grover.qasm"),
        TELEPORTATION("Teleportation", "teleportation.qasm");

        private final String title;
        private final String fileName;

        Sample(String title, String fileName) {
            this.title = title;
            this.fileName = fileName;
        }

        public String title() {
            return title;
        }

        public String fileName() {
            return fileName;
        }

        String text() {
            try (InputStream in = WorkbenchViewModel.class.getResourceAsStream("/samples/" + fileName)) {
                if (in == null) {
                    throw new IllegalStateException("sample " + fileName + " is missing from the application");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final BackgroundRunner runner;

    private final StringProperty qasmText = new SimpleStringProperty(this, "qasmText", "");
    private final StringProperty documentName = new SimpleStringProperty(this, "documentName", "untitled.qasm");
    private final ObjectProperty<Circuit> circuit = new SimpleObjectProperty<>(this, "circuit");
    private final ObjectProperty<ErrorLocation> error = new SimpleObjectProperty<>(this, "error");
    private final ObjectProperty<SimulationResult> result = new SimpleObjectProperty<>(this, "result");
    private final BooleanProperty running = new SimpleBooleanProperty(this, "running");
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    private final IntegerProperty shots = new SimpleIntegerProperty(this, "shots", 1024);
    private final ObjectProperty<Engine> engine = new SimpleObjectProperty<>(this, "engine", Engine.AUTO);
    private final StringProperty seedText = new SimpleStringProperty(this, "seedText", "");
    private final IntegerProperty textRevision = new SimpleIntegerProperty(this, "textRevision");
    private final IntegerProperty rewriteRevision = new SimpleIntegerProperty(this, "rewriteRevision");
    /** Where the document is on disk; null for a sample or a new circuit until it is saved. */
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    /** The text as last opened or saved, against which unsaved changes are told. */
    private final StringProperty savedText = new SimpleStringProperty(this, "savedText", "");
    private final BooleanBinding dirty = Bindings.createBooleanBinding(() -> !qasmText.get().equals(savedText.get()), qasmText, savedText);
    private final ObservableStringValue title = Bindings.concat(Bindings.when(dirty).then("• ").otherwise(""), documentName, " — Qubench");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    /** Told of every file opened or saved, for "Open Recent". */
    private Consumer<Path> recentFiles = p -> { };

    private final ResultsViewModel results;
    private final LiveStateViewModel liveState;

    private BackgroundRunner.Cancellable pendingValidation = BackgroundRunner.Cancellable.DONE;
    private BackgroundRunner.Cancellable pendingRun = BackgroundRunner.Cancellable.DONE;

    private final CircuitDocument document = new CircuitDocument();
    private final CommandManager commands = new CommandManager();
    private final CircuitCanvasViewModel canvas;
    /** Set when a document is opened: its first valid text starts a fresh history instead of being an edit. */
    private boolean loadPending;

    public WorkbenchViewModel(BackgroundRunner runner) {
        this.runner = runner;
        this.canvas = new CircuitCanvasViewModel(document, commands, problem -> status.set("Cannot edit: " + problem));
        document.stateProperty().addListener((obs, old, state) -> documentChanged(state));
        // Says what an edit did; undo and redo then say what they took back.
        commands.revisionProperty().addListener((obs, old, rev) -> {
            if (commands.canUndoProperty().get()) {
                status.set(commands.undoDescriptionProperty().get());
            }
        });
        this.results = new ResultsViewModel(runner);
        results.resultProperty().bind(result);
        this.liveState = new LiveStateViewModel(runner, circuit);
    }

    /** An edit, undo or redo changed the document: show its circuit and, if the text is not already it, its text. */
    private void documentChanged(CircuitDocument.State state) {
        circuit.set(state.circuit());
        if (!state.text().equals(qasmText.get())) {
            pendingValidation.cancel();
            qasmText.set(state.text());
            error.set(null);
            rewriteRevision.set(rewriteRevision.get() + 1);
        }
    }

    /** A parse or run error with its place in the text (line 0 when it has none). */
    public record ErrorLocation(int line, int column, String message) {
        static ErrorLocation of(Throwable t) {
            if (t instanceof QasmException q && q.line() > 0) {
                return new ErrorLocation(q.line(), q.column(), q.problem());
            }
            return new ErrorLocation(0, 0, t.getMessage());
        }

        /** "line 3, column 5: unknown gate" or the bare message. */
        public String describe() {
            return line > 0 ? "Line " + line + ", column " + column + ": " + message : message;
        }
    }

    /** What File › New starts from: an empty two-qubit OpenQASM 3 circuit. */
    static final String NEW_CIRCUIT = "OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[2] q;\nbit[2] c;\n";

    public void openSample(Sample sample) {
        load(sample.fileName(), sample.text());
        file.set(null);
    }

    public void newCircuit() {
        load("untitled.qasm", NEW_CIRCUIT);
        file.set(null);
        status.set("New circuit");
    }

    /** Reads and checks the file in the background; on success it replaces the editor's text. */
    public void openFile(Path file) {
        status.set("Opening " + file + "…");
        runner.run("Open " + file, () -> QasmReader.readText(file),
                text -> {
                    load(file.getFileName().toString(), text);
                    this.file.set(file);
                    recentFiles.accept(file);
                },
                failure -> {
                    error.set(ErrorLocation.of(failure));
                    status.set("Could not open " + file);
                });
    }

    private void load(String name, String text) {
        loadPending = true;
        commands.clear();
        status.set("Opened " + name);
        documentName.set(name);
        result.set(null);
        savedText.set(text);
        qasmText.set(text);
        textRevision.set(textRevision.get() + 1);
        validate();
    }

    /**
     * Writes the text to {@code target} off the FX thread (through a temporary file, so a failed
     * write leaves the old file whole); on success the document is {@code target}, unchanged.
     */
    public void saveAs(Path target) {
        String text = qasmText.get();
        status.set("Saving " + target + "…");
        runner.run("Save " + target, () -> {
            writeWhole(target, text);
            return target;
        }, saved -> {
            file.set(saved);
            documentName.set(saved.getFileName().toString());
            savedText.set(text);
            status.set("Saved " + saved);
            recentFiles.accept(saved);
        }, failure -> status.set("Could not save " + target + ": " + failure.getMessage()));
    }

    /** Saves to the document's file; false when it has none yet (the view then asks where). */
    public boolean save() {
        if (file.get() == null) {
            return false;
        }
        saveAs(file.get());
        return true;
    }

    /** Writes the current circuit as OpenQASM {@code version} to {@code target}, leaving the document as it is. */
    public void exportQasm(QasmVersion version, Path target) {
        Circuit c = circuit.get();
        if (c == null || error.get() != null) {
            status.set("Cannot export: the text has an error; fix it first");
            return;
        }
        runner.run("Export " + target, () -> {
            writeWhole(target, QasmWriter.write(c, version));
            return target;
        }, done -> status.set("Exported OpenQASM " + (version == QasmVersion.V2 ? "2" : "3") + " to " + done),
                failure -> status.set("Could not export to " + target + ": " + failure.getMessage()));
    }

    /** Writes a picture of the circuit as PNG off the FX thread. */
    public void exportImage(java.awt.image.BufferedImage picture, Path target) {
        runner.run("Export " + target, () -> {
            if (!javax.imageio.ImageIO.write(picture, "png", target.toFile())) {
                throw new java.io.IOException("no PNG writer");
            }
            return target;
        }, done -> status.set("Exported the circuit image to " + done),
                failure -> status.set("Could not export to " + target + ": " + failure.getMessage()));
    }

    /** Writes an SVG picture of the circuit off the FX thread, whole or not at all. */
    public void exportSvg(String svg, Path target) {
        runner.run("Export " + target, () -> {
            writeWhole(target, svg);
            return target;
        }, done -> status.set("Exported the circuit image to " + done),
                failure -> status.set("Could not export to " + target + ": " + failure.getMessage()));
    }

    private static void writeWhole(Path target, String text) throws java.io.IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".saving");
        java.nio.file.Files.writeString(temporary, text);
        java.nio.file.Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Parses the current text in the background and updates {@link #circuitProperty()} or the error. */
    public void validate() {
        pendingValidation.cancel();
        String text = qasmText.get();
        String name = documentName.get();
        pendingValidation = runner.run("Check QASM", () -> QasmReader.parse(text, name), parsed -> {
            if (text.equals(qasmText.get())) {
                error.set(null);
                accept(parsed, text);
            }
        }, failure -> {
            if (text.equals(qasmText.get()) && !(failure instanceof CancellationException)) {
                error.set(ErrorLocation.of(failure));
            }
        });
    }

    /** A text that parsed: the opened document's start, or an undoable text edit. */
    private void accept(Circuit parsed, String text) {
        if (loadPending || document.state() == null) {
            loadPending = false;
            document.restore(new CircuitDocument.State(parsed, text));
            commands.clear();
        } else if (!text.equals(document.text())) {
            commands.execute(new ReplaceCircuit(document, parsed, text));
        }
    }

    /** Takes back the last edit, of the text or of the canvas. */
    public void undo() {
        if (commands.canUndoProperty().get()) {
            String what = commands.undoDescriptionProperty().get();
            commands.undo();
            status.set("Undid: " + what);
        }
    }

    public void redo() {
        if (commands.canRedoProperty().get()) {
            String what = commands.redoDescriptionProperty().get();
            commands.redo();
            status.set("Redid: " + what);
        }
    }

    /** The undo history shared by the text and the canvas. */
    public CommandManager commands() {
        return commands;
    }

    public CircuitCanvasViewModel canvas() {
        return canvas;
    }

    /** Parses and simulates the current text in the background with the chosen shots and seed. */
    public void simulate() {
        if (running.get()) {
            return;
        }
        String text = qasmText.get();
        String name = documentName.get();
        int shotCount = shots.get();
        Engine chosen = engine.get();
        long seed;
        try {
            seed = seedText.get() == null || seedText.get().isBlank()
                    ? ThreadLocalRandom.current().nextLong(1L << 48) : Long.parseLong(seedText.get().trim());
        } catch (NumberFormatException e) {
            error.set(new ErrorLocation(0, 0, "Seed must be a whole number, not '" + seedText.get() + "'"));
            return;
        }
        running.set(true);
        status.set("Simulating " + shotCount + " shots…");
        pendingRun = runner.run("Simulate", () -> {
            Circuit parsed = QasmReader.parse(text, name);
            RunOptions options = RunOptions.shots(shotCount, seed);
            Simulator simulator = chosen.simulatorFor(parsed, options);
            return simulator.run(parsed, options);
        }, simulated -> {
            running.set(false);
            result.set(simulated);
            error.set(null);
            status.set(String.format("Simulated %d shots in %.1f ms (%s engine, seed %d)", simulated.shots(),
                    simulated.elapsedNanos() / 1e6, simulated.engine(), simulated.seed()));
        }, failure -> {
            running.set(false);
            if (failure instanceof CancellationException) {
                status.set("Simulation cancelled");
            } else {
                error.set(ErrorLocation.of(failure));
                status.set(failure instanceof UserInputException ? "Simulation refused" : "Simulation failed");
            }
        });
    }

    public void cancelSimulation() {
        pendingRun.cancel();
        running.set(false);
        status.set("Simulation cancelled");
    }

    public StringProperty qasmTextProperty() {
        return qasmText;
    }

    /** Increments when a document is loaded, so the editor replaces its text and clears undo. */
    public ReadOnlyIntegerProperty textRevisionProperty() {
        return textRevision;
    }

    /** Increments when an edit, undo or redo rewrote the text, so the editor shows it without losing its place. */
    public ReadOnlyIntegerProperty rewriteRevisionProperty() {
        return rewriteRevision;
    }

    public ReadOnlyStringProperty documentNameProperty() {
        return documentName;
    }

    public ObservableStringValue titleProperty() {
        return title;
    }

    /** Whether the text has changes not yet saved. */
    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public void onRecentFile(Consumer<Path> listener) {
        this.recentFiles = listener;
    }

    public ReadOnlyObjectProperty<Circuit> circuitProperty() {
        return circuit;
    }

    public ReadOnlyObjectProperty<ErrorLocation> errorProperty() {
        return error;
    }

    public ReadOnlyObjectProperty<SimulationResult> resultProperty() {
        return result;
    }

    /** The results panel's state, following {@link #resultProperty()}. */
    public ResultsViewModel results() {
        return results;
    }

    /** The live-state panel's state, following {@link #circuitProperty()}. */
    public LiveStateViewModel liveState() {
        return liveState;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public IntegerProperty shotsProperty() {
        return shots;
    }

    /** The engine to run with; {@link Engine#AUTO} chooses by circuit. */
    public ObjectProperty<Engine> engineProperty() {
        return engine;
    }

    public StringProperty seedTextProperty() {
        return seedText;
    }

    /** "5 qubits · 5 clbits · depth 6 · 10 operations" for the status bar. */
    public static String summary(Circuit c) {
        return c == null ? "" : c.numQubits() + " qubits · " + c.numClbits() + " clbits · depth " + c.depth() + " · "
                + c.size() + " operations";
    }
}
