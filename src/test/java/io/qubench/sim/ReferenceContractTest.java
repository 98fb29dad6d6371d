package io.qubench.sim;

/** The reference engine meets its own contract (it is the yardstick of the others). */
class ReferenceContractTest extends SimulatorContract {

    @Override
    protected Simulator simulator() {
        return new ReferenceSimulator();
    }
}
