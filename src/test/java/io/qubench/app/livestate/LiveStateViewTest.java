package io.qubench.app.livestate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.qubench.app.FxBackgroundRunner;
import io.qubench.app.Stylesheets;
import io.qubench.circuit.Circuit;
import io.qubench.circuit.StandardGate;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

@ExtendWith(ApplicationExtension.class)
class LiveStateViewTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final SimpleObjectProperty<Circuit> circuit = new SimpleObjectProperty<>();
    private LiveStateViewModel viewModel;
    private LiveStateView view;

    @Start
    void start(Stage stage) {
        viewModel = new LiveStateViewModel(new FxBackgroundRunner(executor), circuit);
        viewModel.activeProperty().set(true);
        view = new LiveStateView(viewModel);
        Scene scene = new Scene(new StackPane(view.root()), 800, 600);
        scene.getStylesheets().add(Stylesheets.WORKBENCH);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopExecutor() {
        executor.shutdownNow();
    }

    @Test
    void anEditShowsProbabilitiesAmplitudesAndBlochVectors(FxRobot robot) throws Exception {
        Circuit c = Circuit.builder().qubits(2).h(0).gate(StandardGate.S, 0).x(1).build();
        robot.interact(() -> circuit.set(c));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.stateProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(WaitForAsyncUtils.asyncFx(view::chartStates).get()).containsExactly("10", "11");
        assertThat(robot.lookup("#amplitude-table").queryAs(TableView.class).getItems()).hasSize(2);
        assertThat(WaitForAsyncUtils.asyncFx(view::blochNumbers).get())
                .containsExactly("x +0.00\ny +1.00\nz +0.00  |r| 1.00", "x +0.00\ny +0.00\nz -1.00  |r| 1.00");
        assertThat(robot.lookup("#live-state-message").queryAs(Label.class).getText()).isEqualTo("Ideal final state");
    }

    @Test
    void typedPauliStringsShowTheirExpectationValuesAndATypoIsNamed(FxRobot robot) throws Exception {
        Circuit bell = Circuit.builder().qubits(2).h(0).cx(0, 1).build();
        robot.interact(() -> circuit.set(bell));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.stateProperty().get() != null);
        robot.clickOn("#observables").write("ZZ, yy XI");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.stateProperty().get().expectations().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#expectation-values").queryAs(Label.class).getText())
                .isEqualTo("⟨ZZ⟩ +1.0000   ⟨YY⟩ -1.0000   ⟨XI⟩ +0.0000");
        assertThat(robot.lookup("#observables-error").queryAs(Label.class).getText()).isEmpty();
        robot.write(", XQ, ZZZ");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#observables-error").queryAs(Label.class).getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#observables-error").queryAs(Label.class).getText())
                .contains("'Q' at position 2").contains("'ZZZ' has 3 letters; the circuit has 2 qubits");
        // The strings that can be evaluated still are.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewModel.computingProperty().get());
        assertThat(viewModel.stateProperty().get().expectations()).extracting(LiveState.Expectation::pauli)
                .containsExactly("ZZ", "YY", "XI");
    }

    @Test
    void aTooLargeCircuitSaysWhyThePanelIsEmpty(FxRobot robot) throws Exception {
        robot.interact(() -> circuit.set(Circuit.builder().qubits(2).h(0).build()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.stateProperty().get() != null);
        robot.interact(() -> circuit.set(Circuit.builder().qubits(24).h(0).build()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#live-state-message").queryAs(Label.class).getText()).startsWith("Live state is off: this circuit has 24 qubits");
        assertThat(WaitForAsyncUtils.asyncFx(view::blochNumbers).get()).isEmpty();
        assertThat(robot.lookup("#amplitude-table").queryAs(TableView.class).getItems()).isEmpty();
    }
}
