package io.qubench.history;

import java.util.Optional;

/** The exact circuit texts that ran, each kept once. */
public interface CircuitRepository {

    /** Keeps {@code circuit} unless a circuit with the same text is already kept; returns the kept one. */
    StoredCircuit save(StoredCircuit circuit);

    Optional<StoredCircuit> find(String hash);

    int count();
}
