package io.qubench.app.workbench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;

/**
 * The main window: one tab per open document, each a {@link WorkbenchView} with its own tool bar
 * and status bar; the menu bar shown is the selected document's, so every menu item acts on it.
 */
public final class WorkbenchTabsView implements WorkbenchView.DocumentHost {

    private final WorkbenchTabsViewModel viewModel;
    private final Window owner;
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Map<WorkbenchViewModel, Tab> tabOf = new IdentityHashMap<>();
    private final Map<Tab, WorkbenchView> viewOf = new IdentityHashMap<>();
    private List<Path> recentFiles = List.of();

    public WorkbenchTabsView(WorkbenchTabsViewModel viewModel, Window owner) {
        this.viewModel = viewModel;
        this.owner = owner;
        root.getStyleClass().add("workbench");
        tabs.setId("document-tabs");
        tabs.getStyleClass().add("document-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        tabs.setTabDragPolicy(TabPane.TabDragPolicy.REORDER);
        root.setCenter(tabs);
        viewModel.documents().forEach(this::addTab);
        viewModel.documents().addListener((ListChangeListener<WorkbenchViewModel>) change -> {
            while (change.next()) {
                change.getRemoved().forEach(this::removeTab);
                change.getAddedSubList().forEach(this::addTab);
            }
        });
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null) {
                viewModel.selectedProperty().set(viewOf.get(tab).viewModel());
            }
        });
        viewModel.selectedProperty().addListener((obs, old, document) -> select(document));
        select(viewModel.selectedProperty().get());
    }

    public Parent root() {
        return root;
    }

    private void addTab(WorkbenchViewModel document) {
        WorkbenchView view = new WorkbenchView(document, owner, this);
        view.showRecentFiles(recentFiles);
        Tab tab = new Tab();
        tab.textProperty().bind(Bindings.concat(Bindings.when(document.dirtyProperty()).then("• ").otherwise(""),
                document.documentNameProperty()));
        tab.setContent(view.root());
        tab.setOnCloseRequest(e -> {
            if (!view.confirmDiscard("close it")) {
                e.consume();
            }
        });
        // The tab pane has already taken the tab away; the documents follow.
        tab.setOnClosed(e -> {
            if (tabOf.containsKey(document)) {
                viewModel.close(document);
            }
        });
        tabOf.put(document, tab);
        viewOf.put(tab, view);
        tabs.getTabs().add(tab);
    }

    private void removeTab(WorkbenchViewModel document) {
        Tab tab = tabOf.remove(document);
        if (tab != null) {
            tabs.getTabs().remove(tab);
            viewOf.remove(tab);
        }
    }

    private void select(WorkbenchViewModel document) {
        Tab tab = document == null ? null : tabOf.get(document);
        if (tab == null) {
            return;
        }
        tabs.getSelectionModel().select(tab);
        root.setTop(viewOf.get(tab).menuBar());
        // The text is where the user works: give it the keys, so Ctrl+Z undoes in the tab they see.
        viewOf.get(tab).editor().area().requestFocus();
    }

    /** "Open Recent" in every tab's File menu lists {@code files}, newest first. */
    public void showRecentFiles(List<Path> files) {
        recentFiles = List.copyOf(files);
        viewOf.values().forEach(v -> v.showRecentFiles(recentFiles));
    }

    /** Asks about every tab with unsaved changes, showing each; true when all were saved or let go. */
    public boolean confirmQuit() {
        for (WorkbenchViewModel document : new ArrayList<>(viewModel.unsaved())) {
            viewModel.selectedProperty().set(document);
            if (!selectedView().confirmDiscard("quit")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void newCircuit() {
        viewModel.newCircuit();
    }

    @Override
    public void openSample(WorkbenchViewModel.Sample sample) {
        viewModel.openSample(sample);
    }

    @Override
    public void openFile(Path file) {
        viewModel.openFile(file);
    }

    /** Closes the selected tab, asking first when it has unsaved changes. */
    @Override
    public void close() {
        WorkbenchViewModel document = viewModel.selectedProperty().get();
        if (selectedView().confirmDiscard("close it")) {
            viewModel.close(document);
        }
    }

    @Override
    public void quit() {
        if (confirmQuit()) {
            owner.hide();
        }
    }

    /** The selected document's view. */
    WorkbenchView selectedView() {
        return viewOf.get(tabOf.get(viewModel.selectedProperty().get()));
    }

    /** The tab showing {@code document}, for tests. */
    Tab tabOf(WorkbenchViewModel document) {
        return tabOf.get(document);
    }
}
