package io.qubench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.qubench.app.FxBackgroundRunner;
import io.qubench.app.Stylesheets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

@ExtendWith(ApplicationExtension.class)
class WorkbenchViewTest {

    /**
     * Never shut down: the editor's debounce timer may still validate after a test ends, and a
     * rejected task would surface as an error in whichever TestFX test runs next.
     */
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "workbench-view-test");
        t.setDaemon(true);
        return t;
    });
    private WorkbenchViewModel viewModel;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        viewModel = new WorkbenchViewModel(new FxBackgroundRunner(executor));
        view = new WorkbenchView(viewModel, stage);
        Scene scene = new Scene(view.root(), 1000, 700);
        scene.getStylesheets().add(Stylesheets.WORKBENCH);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void openingASampleFromTheMenuShowsItsQasm(FxRobot robot) throws TimeoutException {
        robot.clickOn("#samples-button");
        clickShown(robot, "GHZ state (5 qubits)");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewModel.circuitProperty().get() != null);
        CodeArea area = robot.lookup("#qasm-editor").queryAs(CodeArea.class);
        assertThat(area.getText()).contains("qreg q[5];");
        assertThat(robot.lookup("#circuit-summary").queryAs(Label.class).getText()).startsWith("5 qubits");
    }

    /** Menus build their items before showing them: click the one on screen. */
    private static void clickShown(FxRobot robot, String text) {
        javafx.scene.Node node = robot.lookup(text).match((javafx.scene.Node n) -> n.getScene() != null && n.isVisible()
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).query();
        robot.clickOn(node);
    }

    @Test
    void simulatingShowsTheHistogramOfTheCircuit(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.BELL));
        robot.clickOn("#seed").write("11");
        robot.clickOn("#simulate");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !WaitForAsyncUtils.asyncFx(view::histogramBars).get().isEmpty());
        var bars = WaitForAsyncUtils.asyncFx(view::histogramBars).get();
        assertThat(bars).containsOnlyKeys("00", "11");
        assertThat(bars.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1024);
        assertThat(robot.lookup("#last-run").queryAs(Label.class).getText()).matches("\\w+ engine · last run [0-9.]+ ms");
    }

    @Test
    void aParseErrorIsShownAtItsLineBesideTheText(FxRobot robot) throws TimeoutException {
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.BELL));
        CodeArea area = robot.lookup("#qasm-editor").queryAs(CodeArea.class);
        robot.interact(() -> {
            area.moveTo(5, 0);
            area.insertText(area.getCaretPosition(), "hadamard q[0];\n");
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewModel.errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label error = robot.lookup("#error-label").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("Line 6, column 1:").contains("hadamard");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> WaitForAsyncUtils.asyncFx(() -> area.getStyleOfChar(area.getAbsolutePosition(5, 2))).get()
                        .contains(QasmHighlighter.ERROR));

        robot.interact(() -> area.deleteText(area.getAbsolutePosition(5, 0), area.getAbsolutePosition(6, 0)));
        // The label follows the view model on the FX thread; on a loaded machine it once lagged the
        // property read from this thread, so wait for the label itself (read on the FX thread).
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> !error.isVisible()).get());
        assertThat(viewModel.errorProperty().get()).isNull();
    }

    @Test
    void f5RunsTheSimulation(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.GROVER));
        robot.clickOn("#qasm-editor").type(KeyCode.F5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(view::histogramBars).get()).containsKey("101");
    }

    @Test
    void theLiveStateTabShowsTheIdealStateOfTheCircuitBeingEdited(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.BELL));
        robot.clickOn("Live state");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.liveState().stateProperty().get() != null);
        assertThat(viewModel.liveState().stateProperty().get().probabilities())
                .extracting(io.qubench.app.livestate.LiveState.Amplitude::bitstring).containsExactly("00", "11");
        assertThat(robot.lookup("#live-state-message").queryAs(Label.class).getText()).isEqualTo("Ideal state before the 2 measurements");
    }

    @Test
    void theCircuitImageHoldsTheWholeCircuitNotJustTheViewport(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.QFT));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewModel.circuitProperty().get() != null);
        var picture = WaitForAsyncUtils.asyncFx(() -> view.canvas().picture()).get();
        double viewport = WaitForAsyncUtils.asyncFx(() -> view.canvas().surface().getLayoutBounds().getWidth()).get();
        assertThat(picture).isPresent();
        assertThat(picture.get().getWidth()).isGreaterThan(viewport);
        assertThat(picture.get().getHeight()).isGreaterThan(100);
    }

    @Test
    void theSvgImageIsTheSamePictureAsThePngInTheThemesColours(FxRobot robot) throws Exception {
        robot.interact(() -> viewModel.openSample(WorkbenchViewModel.Sample.QFT));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewModel.circuitProperty().get() != null);
        var picture = WaitForAsyncUtils.asyncFx(() -> view.canvas().picture()).get().orElseThrow();
        String svg = WaitForAsyncUtils.asyncFx(() -> view.canvas().svg()).get().orElseThrow();

        var document = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var root = document.getDocumentElement();
        assertThat(Double.parseDouble(root.getAttribute("width"))).isCloseTo(picture.getWidth(), org.assertj.core.data.Offset.offset(1.0));
        assertThat(Double.parseDouble(root.getAttribute("height"))).isCloseTo(picture.getHeight(), org.assertj.core.data.Offset.offset(1.0));
        // The background is the stylesheet's, not the grey a colour has before CSS applies.
        var background = (org.w3c.dom.Element) document.getElementsByTagName("rect").item(0);
        assertThat(background.getAttribute("fill")).isNotEqualTo("#808080");
    }
}
