package io.qubench.circuit;

import java.util.List;
import java.util.Optional;

/** One step of a circuit. Qubit and clbit numbers are circuit-wide indices. */
public sealed interface Operation permits Operation.GateOperation, Operation.Measurement, Operation.Reset, Operation.Barrier {

    List<Integer> qubits();

    default List<Integer> clbits() {
        return List.of();
    }

    Optional<Condition> condition();

    /** A gate applied to qubits, with parameter expressions, possibly under a classical condition. */
    record GateOperation(Gate gate, List<Expression> params, List<Integer> qubits, Condition conditionOrNull)
            implements Operation {
        public GateOperation {
            params = List.copyOf(params);
            qubits = List.copyOf(qubits);
            if (params.size() != gate.numParams()) {
                throw new CircuitException("gate '" + gate.qasmName() + "' takes " + gate.numParams()
                        + " parameter(s), got " + params.size());
            }
            if (qubits.size() != gate.numQubits()) {
                throw new CircuitException("gate '" + gate.qasmName() + "' acts on " + gate.numQubits()
                        + " qubit(s), got " + qubits.size());
            }
            if (qubits.stream().distinct().count() != qubits.size()) {
                throw new CircuitException("gate '" + gate.qasmName() + "' is given the same qubit twice: " + qubits);
            }
        }

        public GateOperation(Gate gate, List<Expression> params, List<Integer> qubits) {
            this(gate, params, qubits, null);
        }

        @Override
        public Optional<Condition> condition() {
            return Optional.ofNullable(conditionOrNull);
        }

        /** Parameter values, with {@code bindings} for free symbols. */
        public double[] paramValues(java.util.Map<String, Double> bindings) {
            double[] v = new double[params.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = params.get(i).evaluate(bindings);
            }
            return v;
        }
    }

    /** Measures {@code qubit} in the Z basis into {@code clbit}. */
    record Measurement(int qubit, int clbit, Condition conditionOrNull) implements Operation {
        public Measurement(int qubit, int clbit) {
            this(qubit, clbit, null);
        }

        @Override
        public List<Integer> qubits() {
            return List.of(qubit);
        }

        @Override
        public List<Integer> clbits() {
            return List.of(clbit);
        }

        @Override
        public Optional<Condition> condition() {
            return Optional.ofNullable(conditionOrNull);
        }
    }

    /** Resets {@code qubit} to |0⟩. */
    record Reset(int qubit, Condition conditionOrNull) implements Operation {
        public Reset(int qubit) {
            this(qubit, null);
        }

        @Override
        public List<Integer> qubits() {
            return List.of(qubit);
        }

        @Override
        public Optional<Condition> condition() {
            return Optional.ofNullable(conditionOrNull);
        }
    }

    /** A scheduling barrier: no effect on the state. */
    record Barrier(List<Integer> qubits) implements Operation {
        public Barrier {
            qubits = List.copyOf(qubits);
        }

        @Override
        public Optional<Condition> condition() {
            return Optional.empty();
        }
    }
}
