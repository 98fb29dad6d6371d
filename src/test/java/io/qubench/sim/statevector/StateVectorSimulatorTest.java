package io.qubench.sim.statevector;

import org.junit.jupiter.api.Nested;

import io.qubench.sim.Simulator;
import io.qubench.sim.SimulatorContract;

/** The fast engine against the contract, with fusion off, default and wide, on one and all cores. */
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
}
