package io.qubench.sim.statevector;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.sim.Precision;
import io.qubench.sim.RunOptions;
import io.qubench.sim.SimulationException;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.Simulator;
import io.qubench.sim.SimulatorContract;

/** The fast engine against the contract, with fusion off, default and wide, on one and all cores, in double and single precision. */
class StateVectorSimulatorTest {

    /** Small minimum so that tests on small states still split across threads. */
    private static final ParallelPolicy PARALLEL = ParallelPolicy.allCores(16);

    @Nested
    class Default extends SimulatorContract {
        @Override
        protected Simulator simulator() {
            return new StateVectorSimulator(PARALLEL, StateVectorSimulator.DEFAULT_FUSION);
        }
    }

    @Nested
    class Unfused extends SimulatorContract {
        @Override
        protected Simulator simulator() {
            return new StateVectorSimulator(ParallelPolicy.SEQUENTIAL, 0);
        }
    }

    @Nested
    class WideFusion extends SimulatorContract {
        @Override
        protected Simulator simulator() {
            return new StateVectorSimulator(PARALLEL, 5);
        }
    }

    /** The same engine asked for single precision on every run. */
    private record SinglePrecision(StateVectorSimulator engine) implements Simulator {
        @Override
        public String name() {
            return engine.name();
        }

        @Override
        public SimulationResult run(Circuit circuit, RunOptions options) {
            return engine.run(circuit, options.withPrecision(Precision.SINGLE));
        }
    }

    @Nested
    class Single extends SimulatorContract {
        @Override
        protected Simulator simulator() {
            return new SinglePrecision(new StateVectorSimulator(PARALLEL, StateVectorSimulator.DEFAULT_FUSION));
        }

        @Override
        protected double tolerance() {
            return 1e-5;
        }
    }

    @Nested
    class SingleUnfused extends SimulatorContract {
        @Override
        protected Simulator simulator() {
            return new SinglePrecision(new StateVectorSimulator(ParallelPolicy.SEQUENTIAL, 0));
        }

        @Override
        protected double tolerance() {
            return 1e-5;
        }
    }

    private static final long GIB = 1L << 30;

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"SINGLE,31", "DOUBLE,30"})
    void amplitudesTooManyForAJavaArrayAreRefusedBeforeAllocating(Precision precision, int qubits) {
        Circuit big = Circuit.builder().qubits(qubits).h(0).build();
        RunOptions options = RunOptions.shots(1, 1).withStatevector(true).withPrecision(precision);
        assertThatThrownBy(() -> new StateVectorSimulator().run(big, options)).isInstanceOf(SimulationException.class)
                .hasMessageContaining(qubits + "-qubit state").hasMessageContaining("at most 29 qubits");
    }

    @Test
    void aSinglePrecisionRunIsCheckedForItsStatesOutsideTheHeap() {
        StateVectorSimulator.requireSingleFits(31, 1, false, 20 * GIB, 24 * GIB);
        assertThatThrownBy(() -> StateVectorSimulator.requireSingleFits(31, 2, false, 20 * GIB, 24 * GIB))
                .hasMessageContaining("31-qubit state vector needs 16.0 GiB (32.0 GiB with the copy kept for per-shot runs)")
                .hasMessageContaining("outside the Java heap");
        assertThatThrownBy(() -> StateVectorSimulator.requireSingleFits(37, 1, false, Long.MAX_VALUE, Long.MAX_VALUE))
                .hasMessageContaining("at most 36 qubits in single precision");
    }
}
