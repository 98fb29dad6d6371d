package io.qubench.noise;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.qubench.circuit.Operation.GateOperation;

/**
 * The same noise everywhere: a one-qubit channel after every one-qubit gate (and on each qubit
 * of larger gates without a channel of their own), a two-qubit channel after every two-qubit
 * gate, and one readout error on every qubit. For users' own models and for tests.
 */
public record UniformNoiseModel(QuantumChannel oneQubit, QuantumChannel twoQubit, ReadoutError readoutError)
        implements NoiseModel {

    /** Depolarizing noise of probability p after every gate, and symmetric readout error r. */
    public static UniformNoiseModel depolarizing(double p, double readout) {
        return new UniformNoiseModel(p > 0 ? Channels.depolarizing(p, 1) : null, p > 0 ? Channels.depolarizing(p, 2) : null,
                readout > 0 ? ReadoutError.symmetric(readout) : null);
    }

    /**
     * Reads a model such as {@code depolarizing=0.01,readout=0.02} (either part may be left
     * out); a malformed one is an {@link IllegalArgumentException} naming the part.
     */
    public static UniformNoiseModel parse(String spec) {
        double p = 0;
        double r = 0;
        for (String part : spec.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("noise part '" + part.trim() + "' is not name=value "
                        + "(write for example depolarizing=0.01,readout=0.02)");
            }
            double v;
            try {
                v = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("noise value '" + kv[1].trim() + "' of " + kv[0].trim() + " is not a number");
            }
            switch (kv[0].trim()) {
                case "depolarizing" -> p = v;
                case "readout" -> r = v;
                default -> throw new IllegalArgumentException("unknown noise '" + kv[0].trim()
                        + "': the command line knows depolarizing and readout");
            }
        }
        if (r < 0 || r > 1) {
            throw new IllegalArgumentException("readout error must be between 0 and 1, not " + r);
        }
        return depolarizing(p, r);
    }

    @Override
    public List<Applied> after(GateOperation gate) {
        List<Integer> q = gate.qubits();
        if (q.size() == 2 && twoQubit != null) {
            return List.of(new Applied(twoQubit, q));
        }
        if (oneQubit == null) {
            return List.of();
        }
        List<Applied> out = new ArrayList<>(q.size());
        for (int qubit : q) {
            out.add(new Applied(oneQubit, List.of(qubit)));
        }
        return out;
    }

    @Override
    public Optional<ReadoutError> readout(int qubit) {
        return Optional.ofNullable(readoutError);
    }

    @Override
    public boolean isIdeal() {
        return oneQubit == null && twoQubit == null && readoutError == null;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "uniform(%s, %s, readout %s)", oneQubit == null ? "-" : oneQubit.name(),
                twoQubit == null ? "-" : twoQubit.name(), readoutError == null ? "-" : readoutError);
    }
}
