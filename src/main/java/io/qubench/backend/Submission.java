package io.qubench.backend;

import io.qubench.circuit.Circuit;

/** One request to run: the circuit, shots, sampling seed and the key that makes repeating it harmless. */
public record Submission(String idempotencyKey, Circuit circuit, int shots, long seed) {

    public Submission {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("a submission needs an idempotency key");
        }
        if (shots < 1) {
            throw new IllegalArgumentException("a submission needs 1 shot or more, not " + shots);
        }
    }
}
