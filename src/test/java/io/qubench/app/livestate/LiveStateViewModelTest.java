package io.qubench.app.livestate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.qubench.app.BackgroundRunner;
import io.qubench.app.ImmediateRunner;
import io.qubench.circuit.Circuit;
import io.qubench.qasm.QasmReader;
import javafx.beans.property.SimpleObjectProperty;

class LiveStateViewModelTest {

    private final SimpleObjectProperty<Circuit> circuit = new SimpleObjectProperty<>();

    private static Circuit qasm(String body) {
        return QasmReader.parse("OPENQASM 2.0;\ninclude \"qelib1.inc\";\n" + body, "test.qasm");
    }

    @Test
    void aValidEditRecomputesTheStateBeforeTheMeasurements() {
        LiveStateViewModel model = new LiveStateViewModel(new ImmediateRunner(), circuit);
        model.activeProperty().set(true);
        circuit.set(qasm("qreg q[2]; creg c[2]; h q[0]; cx q[0],q[1]; measure q -> c;"));
        LiveState s = model.stateProperty().get();
        assertThat(s.probabilities()).extracting(LiveState.Amplitude::bitstring).containsExactly("00", "11");
        assertThat(s.probabilities().getFirst().probability()).isCloseTo(0.5, within(1e-12));
        assertThat(model.messageProperty().get()).isEqualTo("Ideal state before the 2 measurements");

        circuit.set(qasm("qreg q[2]; x q[1];"));
        assertThat(model.stateProperty().get().probabilities()).extracting(LiveState.Amplitude::bitstring).containsExactly("10");
        assertThat(model.stateProperty().get().bloch().get(1).z()).isCloseTo(-1, within(1e-12));
        assertThat(model.messageProperty().get()).isEqualTo("Ideal final state");
    }

    @Test
    void nothingIsComputedWhileThePanelIsHiddenAndTheLatestCircuitWhenShown() {
        CountingRunner runner = new CountingRunner();
        LiveStateViewModel model = new LiveStateViewModel(runner, circuit);
        circuit.set(qasm("qreg q[1]; h q[0];"));
        circuit.set(qasm("qreg q[1]; x q[0];"));
        assertThat(runner.runs).isZero();
        model.activeProperty().set(true);
        assertThat(runner.runs).isEqualTo(1);
        assertThat(model.stateProperty().get().probabilities()).extracting(LiveState.Amplitude::bitstring).containsExactly("1");
        model.activeProperty().set(false);
        model.activeProperty().set(true);
        assertThat(runner.runs).as("the same circuit is not recomputed").isEqualTo(1);
    }

    @Test
    void aNewEditCancelsTheRunningOneAndItsLateResultIsDropped() {
        DeferredRunner runner = new DeferredRunner();
        LiveStateViewModel model = new LiveStateViewModel(runner, circuit);
        model.activeProperty().set(true);
        circuit.set(qasm("qreg q[1]; h q[0];"));
        circuit.set(qasm("qreg q[1]; x q[0];"));
        assertThat(runner.cancelled).containsExactly(0);
        assertThat(model.computingProperty().get()).isTrue();
        runner.complete(1);
        runner.complete(0);
        assertThat(model.stateProperty().get().probabilities()).extracting(LiveState.Amplitude::bitstring).containsExactly("1");
        assertThat(model.computingProperty().get()).isFalse();
    }

    @Test
    void goingBackToTheShownCircuitWhileAnotherIsComputingShowsTheOneBackAgain() {
        DeferredRunner runner = new DeferredRunner();
        LiveStateViewModel model = new LiveStateViewModel(runner, circuit);
        model.activeProperty().set(true);
        Circuit zero = qasm("qreg q[1]; id q[0];");
        circuit.set(zero);
        runner.complete(0);
        circuit.set(qasm("qreg q[1]; x q[0];"));
        circuit.set(zero);
        assertThat(runner.cancelled).as("the run for the other circuit").contains(1);
        runner.complete(1);
        runner.complete(2);
        assertThat(model.stateProperty().get().probabilities()).extracting(LiveState.Amplitude::bitstring).containsExactly("0");
    }

    @Test
    void aCircuitAboveTheLimitSaysWhyTheViewIsOff() {
        CountingRunner runner = new CountingRunner();
        LiveStateViewModel model = new LiveStateViewModel(runner, circuit);
        model.activeProperty().set(true);
        circuit.set(Circuit.builder().qubits(LiveStateComputer.MAX_QUBITS + 1).h(0).build());
        assertThat(runner.runs).isZero();
        assertThat(model.stateProperty().get()).isNull();
        assertThat(model.messageProperty().get()).startsWith("Live state is off: this circuit has 21 qubits, the live view at most 20");
    }

    @Test
    void anUnboundParameterIsReportedInsteadOfAState() {
        LiveStateViewModel model = new LiveStateViewModel(new ImmediateRunner(), circuit);
        model.activeProperty().set(true);
        circuit.set(qasm("qreg q[1]; h q[0];"));
        circuit.set(QasmReader.parse("OPENQASM 3.0;\ninclude \"stdgates.inc\";\ninput float[64] theta;\nqubit[1] q;\nrx(theta) q[0];\n",
                "free.qasm"));
        assertThat(model.stateProperty().get()).isNull();
        assertThat(model.messageProperty().get()).startsWith("Live state unavailable:").contains("theta");
    }

    /** Runs in place and counts. */
    private static final class CountingRunner implements BackgroundRunner {
        private final ImmediateRunner inner = new ImmediateRunner();
        int runs;

        @Override
        public <T> Cancellable run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            runs++;
            return inner.run(title, work, onSuccess, onError);
        }
    }

    /** Holds every run until the test completes it, as a slow background thread would. */
    private static final class DeferredRunner implements BackgroundRunner {
        private final List<Runnable> completions = new ArrayList<>();
        final List<Integer> cancelled = new ArrayList<>();

        @Override
        public <T> Cancellable run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            int id = completions.size();
            completions.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onError.accept(e);
                }
            });
            return () -> cancelled.add(id);
        }

        void complete(int id) {
            completions.get(id).run();
        }
    }
}
