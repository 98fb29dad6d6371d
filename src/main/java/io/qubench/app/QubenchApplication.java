package io.qubench.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.qubench.app.settings.SettingsStore;
import io.qubench.app.settings.WorkbenchSettings;
import io.qubench.app.settings.WorkbenchSettings.Theme;
import io.qubench.app.settings.WorkbenchSettings.WindowBounds;
import io.qubench.app.workbench.WorkbenchTabsView;
import io.qubench.app.workbench.WorkbenchTabsViewModel;
import io.qubench.app.workbench.WorkbenchViewModel;
import io.qubench.history.DataDirectory;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: wires the executor, the view models and the main window, and keeps
 * what the user expects to find again (theme, window, recent files) in the data directory.
 */
public final class QubenchApplication extends Application {

    private ExecutorService executor;
    private SettingsStore settingsStore;
    private WorkbenchSettings settings = WorkbenchSettings.defaults();

    @Override
    public void start(Stage stage) {
        executor = Executors.newFixedThreadPool(2, daemonThreads("qubench-worker"));
        WorkbenchTabsViewModel viewModel = new WorkbenchTabsViewModel(new FxBackgroundRunner(executor));
        WorkbenchTabsView view = new WorkbenchTabsView(viewModel, stage);
        loadSettings(viewModel);
        Scene scene = new Scene(view.root(), 1200, 780);
        scene.getStylesheets().add(Stylesheets.WORKBENCH);
        applyTheme(scene, viewModel.darkThemeProperty().get());
        viewModel.darkThemeProperty().addListener((obs, old, dark) -> {
            applyTheme(scene, dark);
            update(settings.withTheme(dark ? Theme.DARK : Theme.LIGHT));
        });
        viewModel.onRecentFile(file -> {
            update(settings.withRecentFile(file.toAbsolutePath().toString()));
            view.showRecentFiles(recentFiles());
        });
        view.showRecentFiles(recentFiles());
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.getIcons().add(new Image(Stylesheets.class.getResource("assets/qubench.png").toExternalForm()));
        placeWindow(stage);
        stage.setOnCloseRequest(e -> {
            if (!view.confirmQuit()) {
                e.consume();
            }
        });
        stage.setOnHiding(e -> update(settings.withWindow(new WindowBounds(stage.getX(), stage.getY(), stage.getWidth(),
                stage.getHeight(), stage.isMaximized()))));
        stage.show();

        List<String> args = getParameters().getRaw();
        if (!args.isEmpty()) {
            args.forEach(a -> viewModel.openFile(Path.of(a)));
        } else {
            viewModel.openSample(WorkbenchViewModel.Sample.BELL);
        }
    }

    private void loadSettings(WorkbenchTabsViewModel viewModel) {
        try {
            Path dir = DataDirectory.create(DataDirectory.resolve(Optional.empty()).path()).path();
            settingsStore = new SettingsStore(dir);
            settings = settingsStore.load();
            settingsStore.loadProblem().ifPresent(System.err::println);
        } catch (RuntimeException unusable) {
            // No usable data directory: the workbench still starts, with the defaults, and says why.
            System.err.println("qubench: settings not kept: " + unusable.getMessage());
        }
        viewModel.darkThemeProperty().set(settings.theme() == Theme.DARK);
    }

    private List<Path> recentFiles() {
        return settings.recentFiles().stream().map(Path::of).filter(Files::exists).toList();
    }

    /** Keeps the new settings; a small file written on each change, so a crash loses nothing the user set. */
    private void update(WorkbenchSettings changed) {
        settings = changed;
        if (settingsStore != null) {
            try {
                settingsStore.save(settings);
            } catch (RuntimeException e) {
                System.err.println("qubench: " + e.getMessage());
            }
        }
    }

    /** The window where it was, if that place is still on a screen. */
    private void placeWindow(Stage stage) {
        WindowBounds w = settings.window();
        if (w == null || w.width() < 200 || w.height() < 150) {
            return;
        }
        boolean onScreen = Screen.getScreens().stream().map(Screen::getVisualBounds)
                .anyMatch((Rectangle2D b) -> b.intersects(w.x(), w.y(), w.width(), w.height()));
        if (onScreen) {
            stage.setX(w.x());
            stage.setY(w.y());
            stage.setWidth(w.width());
            stage.setHeight(w.height());
        }
        stage.setMaximized(w.maximized());
    }

    private static void applyTheme(Scene scene, boolean dark) {
        scene.getStylesheets().remove(Stylesheets.DARK);
        if (dark) {
            scene.getStylesheets().add(Stylesheets.DARK);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
