package io.qubench.app.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.qubench.app.BackgroundRunner;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The documents open in the window, one {@link WorkbenchViewModel} each, and the one selected.
 * There is always at least one: closing the last starts a new circuit, so the menus always have
 * a document to act on.
 */
public final class WorkbenchTabsViewModel {

    private final BackgroundRunner runner;
    private final ObservableList<WorkbenchViewModel> documents = FXCollections.observableArrayList();
    private final ObservableList<WorkbenchViewModel> readOnlyDocuments = FXCollections.unmodifiableObservableList(documents);
    private final ObjectProperty<WorkbenchViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Qubench");
    /** One theme for the window, shared by every document's View menu. */
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme");
    private Consumer<Path> recentFiles = p -> { };

    public WorkbenchTabsViewModel(BackgroundRunner runner) {
        this.runner = runner;
        selected.addListener((obs, old, now) -> {
            if (now == null) {
                title.unbind();
                title.set("Qubench");
            } else {
                title.bind(now.titleProperty());
            }
        });
    }

    /** A new tab with an empty circuit, selected. */
    public WorkbenchViewModel newCircuit() {
        WorkbenchViewModel document = add();
        document.newCircuit();
        return document;
    }

    /** A new tab with {@code sample}, selected. */
    public WorkbenchViewModel openSample(WorkbenchViewModel.Sample sample) {
        WorkbenchViewModel document = add();
        document.openSample(sample);
        return document;
    }

    /** Selects the tab that already holds {@code file}, or opens it in a new one. */
    public WorkbenchViewModel openFile(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        Optional<WorkbenchViewModel> open = documentOf(wanted);
        if (open.isPresent()) {
            selected.set(open.get());
            return open.get();
        }
        WorkbenchViewModel document = add();
        document.openFile(wanted);
        return document;
    }

    /** The open document saved as {@code file}, if any. */
    public Optional<WorkbenchViewModel> documentOf(Path file) {
        Path wanted = file.toAbsolutePath().normalize();
        return documents.stream()
                .filter(d -> d.fileProperty().get() != null && d.fileProperty().get().toAbsolutePath().normalize().equals(wanted))
                .findFirst();
    }

    /** Drops {@code document} without asking (the view asks first); its neighbour is selected. */
    public void close(WorkbenchViewModel document) {
        int index = documents.indexOf(document);
        if (index < 0) {
            throw new IllegalArgumentException("document " + document.documentNameProperty().get() + " is not open");
        }
        if (document.runningProperty().get()) {
            document.cancelSimulation();
        }
        documents.remove(index);
        if (documents.isEmpty()) {
            newCircuit();
        } else if (selected.get() == document) {
            selected.set(documents.get(Math.min(index, documents.size() - 1)));
        }
    }

    /** The documents with unsaved changes, in tab order: quitting asks about each. */
    public List<WorkbenchViewModel> unsaved() {
        return documents.stream().filter(d -> d.dirtyProperty().get()).toList();
    }

    /**
     * A new selected document. A lone new circuit never touched (what closing the last tab
     * leaves) gives its place to it, as an editor replaces an empty untitled tab.
     */
    private WorkbenchViewModel add() {
        WorkbenchViewModel untouched = documents.size() == 1 && isUntouchedNewCircuit(documents.getFirst()) ? documents.getFirst() : null;
        WorkbenchViewModel document = new WorkbenchViewModel(runner);
        document.darkThemeProperty().bindBidirectional(darkTheme);
        document.onRecentFile(p -> recentFiles.accept(p));
        documents.add(document);
        selected.set(document);
        if (untouched != null) {
            documents.remove(untouched);
        }
        return document;
    }

    private static boolean isUntouchedNewCircuit(WorkbenchViewModel document) {
        return document.fileProperty().get() == null && !document.dirtyProperty().get()
                && WorkbenchViewModel.NEW_CIRCUIT.equals(document.qasmTextProperty().get()) && !document.commands().canUndoProperty().get();
    }

    public ObservableList<WorkbenchViewModel> documents() {
        return readOnlyDocuments;
    }

    public ObjectProperty<WorkbenchViewModel> selectedProperty() {
        return selected;
    }

    /** The selected document's title, for the window. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    /** Told of every file any document opened or saved, for "Open Recent". */
    public void onRecentFile(Consumer<Path> listener) {
        this.recentFiles = listener;
    }
}
