package io.qubench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.qubench.app.FxBackgroundRunner;
import io.qubench.app.Stylesheets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Tab;
import javafx.stage.Stage;

@ExtendWith(ApplicationExtension.class)
class WorkbenchTabsViewTest {

    /** Never shut down: an editor's debounce timer may still validate after a test ends. */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-tabs-view-test");
        t.setDaemon(true);
        return t;
    });
    private WorkbenchTabsViewModel viewModel;
    private WorkbenchTabsView view;

    @Start
    void start(Stage stage) {
        viewModel = new WorkbenchTabsViewModel(new FxBackgroundRunner(executor));
        view = new WorkbenchTabsView(viewModel, stage);
        Scene scene = new Scene(view.root(), 1100, 720);
        scene.getStylesheets().add(Stylesheets.WORKBENCH);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void eachTabKeepsItsOwnTextAndOnlyTheEditedOneIsMarkedAndAsksOnClose(FxRobot robot) throws TimeoutException {
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.BELL));
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.GHZ));
        WorkbenchViewModel bell = viewModel.documents().get(0);
        WorkbenchViewModel ghz = viewModel.documents().get(1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bell.circuitProperty().get() != null && ghz.circuitProperty().get() != null);
        Tab bellTab = view.tabOf(bell);
        Tab ghzTab = view.tabOf(ghz);
        assertThat(ghzTab.isSelected()).isTrue();

        robot.clickOn(tabHeader(robot, bellTab));
        assertThat(viewModel.selectedProperty().get()).isSameAs(bell);
        var bellArea = view.selectedView().editor().area();
        robot.interact(() -> bellArea.insertText(bellArea.getLength(), "x q[1];\n"));
        // The editor hands its text over after a short pause in typing.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> bell.dirtyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bellTab.getText()).isEqualTo("• bell.qasm");
        assertThat(ghzTab.getText()).isEqualTo("ghz.qasm");

        robot.clickOn(tabHeader(robot, ghzTab));
        assertThat(view.selectedView().editor().area().getText()).contains("qreg q[5];").doesNotContain("x q[1];");
        assertThat(robot.lookup("#circuit-summary").match(Node::isVisible).queryLabeled().getText()).startsWith("5 qubits");

        robot.clickOn(robot.from(tabHeader(robot, bellTab)).lookup(".tab-close-button").<Node>query());
        DialogPane asked = shownDialog(robot, "bell.qasm has changes that are not saved.");
        robot.clickOn(robot.from(asked).lookup("Cancel").queryAs(Button.class));
        assertThat(viewModel.documents()).containsExactly(bell, ghz);

        robot.clickOn(robot.from(tabHeader(robot, bellTab)).lookup(".tab-close-button").<Node>query());
        asked = shownDialog(robot, "bell.qasm has changes that are not saved.");
        robot.clickOn(robot.from(asked).lookup("Don't Save").queryAs(Button.class));
        assertThat(viewModel.documents()).containsExactly(ghz);
        assertThat(ghzTab.getTabPane().getTabs()).containsExactly(ghzTab);
    }

    @Test
    void closingAnUnchangedTabDoesNotAskAndTheMenuActsOnTheSelectedTab(FxRobot robot) throws TimeoutException {
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.BELL));
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.QFT));
        WorkbenchViewModel bell = viewModel.documents().get(0);
        WorkbenchViewModel qft = viewModel.documents().get(1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> qft.circuitProperty().get() != null);

        robot.clickOn("File").clickOn("#menu-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".dialog-pane").tryQuery()).isEmpty();
        assertThat(viewModel.documents()).containsExactly(bell);
        assertThat(view.tabOf(bell).isSelected()).isTrue();

        robot.clickOn("File").clickOn("New");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.documents()).hasSize(2);
        assertThat(viewModel.selectedProperty().get().qasmTextProperty().get()).isEqualTo(WorkbenchViewModel.NEW_CIRCUIT);
        assertThat(bell.qasmTextProperty().get()).contains("h q[0];");
    }

    @Test
    void quittingAsksAboutAnUnsavedTabAndCancelKeepsTheWindow(FxRobot robot) throws TimeoutException {
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.BELL));
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.GROVER));
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.GHZ));
        WorkbenchViewModel bell = viewModel.documents().get(0);
        WorkbenchViewModel ghz = viewModel.documents().get(2);
        robot.interact(() -> bell.qasmTextProperty().set(bell.qasmTextProperty().get() + "x q[0];\n"));
        assertThat(viewModel.unsaved()).containsExactly(bell);

        // What File › Quit and the window's close button do; called directly, since a menu click can
        // land on another test's window when the whole suite shares the headless screen.
        javafx.application.Platform.runLater(view::quit);
        DialogPane asked = shownDialog(robot, "bell.qasm has changes that are not saved.");
        assertThat(view.tabOf(bell).isSelected()).isTrue();
        robot.clickOn(robot.from(asked).lookup("Cancel").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(view.root().getScene().getWindow().isShowing()).isTrue();
        assertThat(viewModel.documents()).containsExactly(bell, viewModel.documents().get(1), ghz);
    }

    /**
     * The confirmation dialog with {@code header}, once it is on screen: a dialog opens after the
     * click's event, and the next one only after the last has closed (a fixed lookup raced it).
     */
    private static DialogPane shownDialog(FxRobot robot, String header) throws TimeoutException {
        java.util.function.Predicate<Node> shown = n -> n instanceof DialogPane d && header.equals(d.getHeaderText())
                && n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").match(shown::test).tryQuery().isPresent());
        } catch (TimeoutException e) {
            throw new AssertionError("no dialog \"" + header + "\"; dialogs: " + robot.lookup(".dialog-pane").queryAll().stream()
                    .map(n -> ((DialogPane) n).getHeaderText() + " showing=" + (n.getScene() != null && n.getScene().getWindow() != null
                            && n.getScene().getWindow().isShowing())).toList(), e);
        }
        return robot.lookup(".dialog-pane").match(shown::test).queryAs(DialogPane.class);
    }

    /** The tab's header, which the tab pane's skin marks with its tab. */
    private static Node tabHeader(FxRobot robot, Tab tab) {
        return robot.lookup(".tab").match((Node n) -> n.getProperties().get(Tab.class) == tab).query();
    }
}
