package io.qubench.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.qubench.analysis.OutcomeEstimate;
import io.qubench.app.FxBackgroundRunner;
import io.qubench.app.Stylesheets;
import io.qubench.sim.SimulationResult;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;

@ExtendWith(ApplicationExtension.class)
class ResultsViewTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private ResultsViewModel viewModel;
    private ResultsView view;

    @Start
    void start(Stage stage) {
        viewModel = new ResultsViewModel(new FxBackgroundRunner(executor));
        view = new ResultsView(viewModel, stage);
        Scene scene = new Scene(new StackPane(view.root()), 800, 600);
        scene.getStylesheets().add(Stylesheets.WORKBENCH);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    private void showCounts(FxRobot robot, Map<String, Integer> counts) {
        int shots = counts.values().stream().mapToInt(Integer::intValue).sum();
        robot.interact(() -> viewModel.resultProperty().set(
                new SimulationResult(2, 2, shots, 1, new TreeMap<>(counts), null, false, "statevector", 0)));
    }

    @Test
    void aResultIsDrawnAsBarsWithTheirIntervalsAndListedInTheTable(FxRobot robot) {
        showCounts(robot, Map.of("00", 30, "01", 10, "11", 60));
        assertThat(view.chartBars()).extracting(OutcomeEstimate::bitstring).containsExactly("00", "01", "11");
        assertThat(view.chartToolTip(2)).startsWith("11\n60 of 100 shots\np = 0.6000\n95 % interval [");
        assertThat(robot.lookup("#results-table").queryAs(TableView.class).getItems()).hasSize(3);
    }

    @Test
    void theOrderAndTopKControlsChangeTheBars(FxRobot robot) {
        showCounts(robot, Map.of("00", 30, "01", 10, "11", 60));
        @SuppressWarnings("unchecked")
        ChoiceBox<ResultsViewModel.SortOrder> sort = robot.lookup("#results-sort").queryAs(ChoiceBox.class);
        robot.interact(() -> sort.setValue(ResultsViewModel.SortOrder.COUNT));
        assertThat(view.chartBars()).extracting(OutcomeEstimate::bitstring).containsExactly("11", "00", "01");
        @SuppressWarnings("unchecked")
        Spinner<Integer> topK = robot.lookup("#results-top-k").queryAs(Spinner.class);
        robot.interact(() -> topK.getValueFactory().setValue(2));
        assertThat(view.chartBars()).extracting(OutcomeEstimate::bitstring).containsExactly("11", "00");
        assertThat(view.shownCounts()).containsExactly(Map.entry("11", 60), Map.entry("00", 30));
    }

    @Test
    void copyPutsTheCountsOnTheClipboardAsCsv(FxRobot robot) throws Exception {
        showCounts(robot, Map.of("00", 1, "11", 3));
        robot.clickOn("#results-copy");
        robot.clickOn("Copy as CSV");
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo(viewModel.csv()).startsWith("bitstring,count");
    }
}
