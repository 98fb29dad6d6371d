package io.qubench.noise;

import java.util.List;
import java.util.Optional;

import io.qubench.circuit.Operation.GateOperation;

/**
 * Where noise happens in a circuit: channels after gates and readout errors on measured
 * qubits. The devices package builds models from real calibrations against this interface.
 */
public interface NoiseModel {

    /** A channel on some of the circuit's qubits (channel argument j on {@code qubits[j]}). */
    record Applied(QuantumChannel channel, List<Integer> qubits) {
        public Applied {
            qubits = List.copyOf(qubits);
            if (qubits.size() != channel.qubits()) {
                throw new IllegalArgumentException(channel.name() + " acts on " + channel.qubits() + " qubit(s), given " + qubits);
            }
        }
    }

    /** Channels to apply right after {@code gate}, in order. */
    List<Applied> after(GateOperation gate);

    /** The readout error of a measured qubit, if any. */
    Optional<ReadoutError> readout(int qubit);

    /** True when this model adds no noise at all. */
    boolean isIdeal();

    NoiseModel IDEAL = new NoiseModel() {
        @Override
        public List<Applied> after(GateOperation gate) {
            return List.of();
        }

        @Override
        public Optional<ReadoutError> readout(int qubit) {
            return Optional.empty();
        }

        @Override
        public boolean isIdeal() {
            return true;
        }

        @Override
        public String toString() {
            return "ideal";
        }
    };
}
