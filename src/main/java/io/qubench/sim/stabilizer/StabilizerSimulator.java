package io.qubench.sim.stabilizer;

import java.util.List;
import java.util.Map;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Operation;
import io.qubench.circuit.StandardGate;
import io.qubench.sim.ExpectationReader;
import io.qubench.sim.PauliString;
import io.qubench.sim.ResultWithExpectations;
import io.qubench.sim.RunOptions;
import io.qubench.sim.ShotRunner;
import io.qubench.sim.SimulationException;
import io.qubench.sim.SimulationResult;
import io.qubench.sim.Simulator;

/**
 * The stabilizer engine for Clifford circuits of thousands of qubits: a CHP tableau, with all
 * shots of a circuit whose measurements are terminal drawn from its outcome space in one go.
 * State vectors (up to 20 qubits) are exact up to a global phase.
 */
public final class StabilizerSimulator implements Simulator {

    @Override
    public String name() {
        return "stabilizer";
    }

    /** True when every gate, after expanding user gates and binding parameters, is a Clifford operation. */
    public static boolean supports(Circuit circuit, Map<String, Double> parameters) {
        try {
            return firstUnsupported(ShotRunner.prepare(circuit, RunOptions.shots(0, 0).withParameters(parameters))) < 0;
        } catch (io.qubench.circuit.UserInputException e) {
            return false;
        }
    }

    private static int firstUnsupported(Circuit flat) {
        for (int i = 0; i < flat.operations().size(); i++) {
            if (flat.operations().get(i) instanceof Operation.GateOperation g
                    && !CliffordDecomposition.supports((StandardGate) g.gate(), g.paramValues(Map.of()))) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public SimulationResult run(Circuit circuit, RunOptions options) {
        long start = System.nanoTime();
        return runnerFor(circuit, options).run(circuit, name(), start);
    }

    /**
     * The run's counts and ⟨P⟩ for each Pauli string (0 or ±1), read from the tableau the counts
     * are sampled from: one run, at any number of qubits. A mid-circuit measurement, a reset or a
     * condition leaves no single state, and is a clear error before anything runs.
     */
    public ResultWithExpectations runWithExpectations(Circuit circuit, RunOptions options, List<PauliString> paulis) {
        long start = System.nanoTime();
        ExpectationReader reader = new ExpectationReader(paulis, circuit.numQubits());
        return reader.with(runnerFor(circuit, options).run(circuit, name(), start, state -> reader.read(state::expectation)));
    }

    /** The shot runner for a circuit, refused first if a gate is not Clifford or its state vector is too large to list. */
    private ShotRunner<StabilizerState> runnerFor(Circuit circuit, RunOptions options) {
        Circuit flat = ShotRunner.prepare(circuit, options);
        int bad = firstUnsupported(flat);
        if (bad >= 0) {
            Operation.GateOperation g = (Operation.GateOperation) flat.operations().get(bad);
            throw new SimulationException("the stabilizer engine runs Clifford circuits only: gate " + g.gate().qasmName()
                    + g.params().stream().map(io.qubench.circuit.Expression::toQasm).toList().toString().replace('[', '(').replace(']', ')')
                    + " on " + g.qubits().stream().map(flat::qubitLabel).toList() + " (operation " + (bad + 1)
                    + " after expanding user gates) is not one; use the statevector engine");
        }
        if (options.statevector() && circuit.numQubits() > StabilizerState.MAX_STATEVECTOR_QUBITS) {
            throw new SimulationException("the stabilizer engine gives a state vector only up to "
                    + StabilizerState.MAX_STATEVECTOR_QUBITS + " qubits; this circuit has " + circuit.numQubits());
        }
        return new ShotRunner<>(flat, options, StabilizerState::new);
    }
}
