package io.qubench.app;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.qubench.app.workbench.WorkbenchView;
import io.qubench.app.workbench.WorkbenchViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: wires the executor, the view models and the main window. */
public final class QubenchApplication extends Application {

    private ExecutorService executor;

    @Override
    public void start(Stage stage) {
        executor = Executors.newFixedThreadPool(2, daemonThreads("qubench-worker"));
        WorkbenchViewModel viewModel = new WorkbenchViewModel(new FxBackgroundRunner(executor));
        WorkbenchView view = new WorkbenchView(viewModel, stage);
        Scene scene = new Scene(view.root(), 1200, 780);
        scene.getStylesheets().add(Stylesheets.WORKBENCH);
        stage.setScene(scene);
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.getIcons().add(new Image(Stylesheets.class.getResource("assets/qubench.png").toExternalForm()));
        stage.show();

        List<String> args = getParameters().getRaw();
        if (args.size() == 1) {
            viewModel.openFile(Path.of(args.getFirst()));
        } else {
            viewModel.openSample(WorkbenchViewModel.Sample.BELL);
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
