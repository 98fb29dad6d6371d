package io.qubench.history;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.qubench.qasm.QasmVersion;

/** Circuits, runs and jobs to store in tests. */
final class Samples {

    static final String BELL = """
            OPENQASM 2.0;
            include "qelib1.inc";
            qreg q[2];
            creg c[2];
            h q[0];
            cx q[0],q[1];
            measure q -> c;
            """;

    private Samples() {
    }

    static StoredCircuit bell() {
        return StoredCircuit.of(BELL, QasmVersion.V2, Optional.of("bell.qasm"));
    }

    /** A circuit of its own for each {@code n}. */
    static StoredCircuit circuit(int n) {
        return StoredCircuit.of(BELL + "// variant " + n + "\n", QasmVersion.V2, Optional.empty());
    }

    static Provenance provenance(String backend, Instant submitted) {
        return new Provenance(backend, Optional.of("cal-1"), Map.of("layout", "sabre", "optimization", "2"), 1000, Optional.of(7L),
                "0.1.0-test", submitted, submitted.plusMillis(1500));
    }

    static ResultRecord counts(int zeros, int ones) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        counts.put("00", zeros);
        counts.put("11", ones);
        return new ResultRecord(counts, null, false);
    }

    static RunRecord run(StoredCircuit circuit, String backend, Instant submitted) {
        return RunRecord.create(circuit, provenance(backend, submitted), counts(510, 490), Optional.empty());
    }
}
