package io.qubench.backend.remote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.Expression;
import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.UserInputException;
import io.qubench.sim.Bitstrings;

/**
 * For providers that measure once, at the end (IonQ, Braket): checks that a circuit has that
 * shape and turns what the provider reports per qubit back into the circuit's classical bits,
 * keyed as Qiskit prints them (all qubits, qubit 0 rightmost, when the circuit measures none).
 */
public final class TerminalMeasurements {

    private final Circuit circuit;
    private final Map<Integer, Integer> clbitOfQubit;

    private TerminalMeasurements(Circuit circuit, Map<Integer, Integer> clbitOfQubit) {
        this.circuit = circuit;
        this.clbitOfQubit = Map.copyOf(clbitOfQubit);
    }

    /**
     * The measurements of {@code circuit}, or a UserInputException naming each operation that does
     * not fit {@code provider}: a reset, a condition, a gate after a measurement, a qubit measured
     * twice, two measurements into one bit, an unbound parameter.
     */
    public static TerminalMeasurements of(Circuit circuit, String provider) {
        Set<Integer> measuredQubits = new HashSet<>();
        Set<Integer> usedClbits = new HashSet<>();
        Map<Integer, Integer> clbitOfQubit = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < circuit.operations().size(); i++) {
            Operation op = circuit.operations().get(i);
            String where = "operation " + (i + 1);
            if (op.condition().isPresent()) {
                problems.add(where + ": " + provider + " runs no classically conditioned operations");
            }
            switch (op) {
                case Operation.Reset r -> problems.add(where + ": " + provider + " runs no mid-circuit reset (reset "
                        + circuit.qubitLabel(r.qubit()) + ")");
                case Operation.Measurement m -> {
                    if (!measuredQubits.add(m.qubit())) {
                        problems.add(where + ": " + circuit.qubitLabel(m.qubit()) + " is measured twice; " + provider
                                + " measures each qubit once, at the end");
                    }
                    if (!usedClbits.add(m.clbit())) {
                        problems.add(where + ": " + circuit.clbitLabel(m.clbit()) + " receives two measurements");
                    }
                    clbitOfQubit.put(m.qubit(), m.clbit());
                }
                case GateOperation g -> {
                    for (int q : g.qubits()) {
                        if (measuredQubits.contains(q)) {
                            problems.add(where + ": " + g.gate().qasmName() + " on " + circuit.qubitLabel(q)
                                    + " after it was measured; " + provider + " measures only at the end");
                        }
                    }
                    if (!g.params().stream().allMatch(Expression::isConstant)) {
                        problems.add(where + ": " + g.gate().qasmName() + " has an unbound parameter");
                    }
                }
                case Operation.Barrier b -> { }
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException("The circuit does not fit " + provider + ": " + String.join("; ", problems));
        }
        return new TerminalMeasurements(circuit, clbitOfQubit);
    }

    /** Which classical bit each measured qubit goes to; empty when the circuit measures nothing. */
    public Map<Integer, Integer> clbitOfQubit() {
        return clbitOfQubit;
    }

    /** The counts key of one outcome, given which qubits read 1. */
    public String key(IntPredicate qubitReadsOne) {
        if (clbitOfQubit.isEmpty()) {
            boolean[] all = new boolean[circuit.numQubits()];
            long index = 0;
            for (int q = 0; q < all.length; q++) {
                if (qubitReadsOne.test(q)) {
                    index |= 1L << q;
                }
            }
            return Bitstrings.ofIndex(index, circuit.numQubits());
        }
        boolean[] bits = new boolean[circuit.numClbits()];
        clbitOfQubit.forEach((qubit, clbit) -> bits[clbit] = qubitReadsOne.test(qubit));
        return Bitstrings.format(bits, circuit.classicalRegisters());
    }
}
