package io.qubench.sim;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * ⟨P⟩ of each Pauli string, read once from the final state of a run (the reader given to
 * {@link ShotRunner#run(io.qubench.circuit.Circuit, String, long, java.util.function.Consumer)}),
 * in the order the strings were given. A string longer than the circuit is refused when the
 * reader is made, before anything runs.
 */
public final class ExpectationReader {

    private final List<PauliString> paulis;
    private final double[] values;

    public ExpectationReader(List<PauliString> paulis, int qubits) {
        paulis.forEach(p -> p.requireFits(qubits));
        this.paulis = List.copyOf(paulis);
        this.values = new double[paulis.size()];
    }

    /** No strings were asked for: the run needs no final-state reader. */
    public boolean isEmpty() {
        return paulis.isEmpty();
    }

    /** Fills the values from one state, given how that state computes ⟨P⟩. */
    public void read(ToDoubleFunction<PauliString> expectation) {
        for (int k = 0; k < paulis.size(); k++) {
            values[k] = expectation.applyAsDouble(paulis.get(k));
        }
    }

    /** The run's counts with the values read from its state. */
    public ResultWithExpectations with(SimulationResult result) {
        return new ResultWithExpectations(result, values.clone());
    }
}
