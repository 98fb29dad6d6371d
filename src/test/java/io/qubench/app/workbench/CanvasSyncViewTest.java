package io.qubench.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.qubench.app.FxBackgroundRunner;
import io.qubench.app.Stylesheets;
import io.qubench.app.canvas.CanvasMetrics;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;

/** The canvas and the text editor as a user sees them: drag gates, type QASM, undo both. */
@ExtendWith(ApplicationExtension.class)
class CanvasSyncViewTest {

    private static final String EMPTY = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\ncreg c[2];\n";

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private WorkbenchViewModel viewModel;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        viewModel = new WorkbenchViewModel(new FxBackgroundRunner(executor));
        view = new WorkbenchView(viewModel, stage);
        Scene scene = new Scene(view.root(), 1000, 760);
        scene.getStylesheets().add(Stylesheets.WORKBENCH);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void gatesDraggedOntoTheCanvasAppearInTheTextTypedQasmRedrawsTheCanvasAndUndoTakesBackBoth(FxRobot robot,
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.qasm");
        Files.writeString(file, EMPTY);
        robot.interact(() -> viewModel.openFile(file));
        waitUntil(() -> viewModel.circuitProperty().get() != null);
        CodeArea area = robot.lookup("#qasm-editor").queryAs(CodeArea.class);

        dragFromPalette(robot, "#palette-h", 0, 0);
        waitUntil(() -> area.getText().contains("h q[0];"));
        dragFromPalette(robot, "#palette-cx", 1, 0);
        waitUntil(() -> area.getText().contains("cx q[0], q[1];"));
        assertThat(area.getText()).isEqualTo(EMPTY + "h q[0];\ncx q[0], q[1];\n");
        assertThat(operationsOnCanvas()).isEqualTo(2);

        robot.interact(() -> area.appendText("measure q[1] -> c[1];\n"));
        waitUntil(() -> operationsOnCanvas() == 3);
        assertThat(viewModel.commands().undoDescriptionProperty().get()).isEqualTo("Edit text");

        robot.interact(() -> area.appendText("bogus q[0];\n"));
        waitUntil(() -> viewModel.errorProperty().get() != null);
        assertThat(operationsOnCanvas()).as("an invalid text leaves the canvas as it was").isEqualTo(3);
        robot.interact(() -> area.deleteText(area.getLength() - "bogus q[0];\n".length(), area.getLength()));
        waitUntil(() -> viewModel.errorProperty().get() == null);

        robot.clickOn("#undo-button");
        waitUntil(() -> operationsOnCanvas() == 2);
        assertThat(area.getText()).doesNotContain("measure");
        robot.clickOn("#circuit-canvas").press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        waitUntil(() -> !area.getText().contains("cx"));
        robot.clickOn("#undo-button");
        waitUntil(() -> area.getText().equals(EMPTY));
        assertThat(operationsOnCanvas()).isZero();

        robot.clickOn("#redo-button");
        waitUntil(() -> area.getText().contains("h q[0];"));
    }

    @Test
    void aWireSelectedByClickTakesTypedGatesAndDeleteRemovesTheSelectedGate(FxRobot robot, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("empty.qasm");
        Files.writeString(file, EMPTY);
        robot.interact(() -> viewModel.openFile(file));
        waitUntil(() -> viewModel.circuitProperty().get() != null);
        CodeArea area = robot.lookup("#qasm-editor").queryAs(CodeArea.class);

        robot.clickOn(robot.point(cell(robot, 3, 1)));
        assertThat(viewModel.canvas().selectedWireProperty().get()).isEqualTo(1);
        robot.write("x").type(KeyCode.ENTER);
        waitUntil(() -> area.getText().contains("x q[1];"));
        robot.write("cx 0").type(KeyCode.ENTER);
        waitUntil(() -> area.getText().contains("cx q[1], q[0];"));

        robot.clickOn(robot.point(cell(robot, 0, 1)));
        assertThat(viewModel.canvas().selection()).containsExactly(0);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> !area.getText().contains("x q[1];"));
        assertThat(area.getText()).contains("cx q[1], q[0];");
    }

    @Test
    void aPlacedGateDraggedToAnotherWireMovesThereAndARubberBandSelectsGatesToDelete(FxRobot robot, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("two.qasm");
        Files.writeString(file, EMPTY + "h q[0];\nx q[1];\n");
        robot.interact(() -> viewModel.openFile(file));
        waitUntil(() -> viewModel.circuitProperty().get() != null);
        CodeArea area = robot.lookup("#qasm-editor").queryAs(CodeArea.class);

        robot.drag(cell(robot, 0, 0)).dropTo(robot.point(cell(robot, 2, 1)));
        waitUntil(() -> area.getText().contains("h q[1];"));
        assertThat(area.getText()).doesNotContain("h q[0];");
        assertThat(viewModel.commands().undoDescriptionProperty().get()).isEqualTo("Move operation");

        Point2D from = cell(robot, 0, 0).subtract(20, 20);
        robot.drag(from).dropTo(robot.point(cell(robot, 3, 1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewModel.canvas().selection()).hasSize(2);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> area.getText().equals(EMPTY));
        robot.clickOn("#undo-button");
        waitUntil(() -> area.getText().contains("h q[1];"));
    }

    /** Scrolls the palette to the tile, as a user would, and drags it onto a cell of the canvas. */
    private static void dragFromPalette(FxRobot robot, String tile, int column, int row) {
        ScrollPane palette = robot.lookup("#gate-palette").queryAs(ScrollPane.class);
        Node node = robot.lookup(tile).query();
        robot.interact(() -> {
            double contentHeight = palette.getContent().getBoundsInLocal().getHeight();
            double y = node.localToScene(0, 0).getY() - palette.getContent().localToScene(0, 0).getY();
            palette.setVvalue(Math.max(0, Math.min(1, y / Math.max(1, contentHeight - palette.getViewportBounds().getHeight()))));
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.drag(tile).dropTo(robot.point(cell(robot, column, row)));
    }

    private int operationsOnCanvas() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> viewModel.canvas().layoutProperty().get().operations()).get();
    }

    /** The screen point at the centre of a cell of the canvas. */
    private static Point2D cell(FxRobot robot, int column, int row) {
        Node surface = robot.lookup("#circuit-canvas").query();
        Bounds b = surface.localToScreen(surface.getBoundsInLocal());
        CanvasMetrics m = new CanvasMetrics(1.0);
        return new Point2D(b.getMinX() + m.columnCentre(column), b.getMinY() + m.rowCentre(row));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

}
