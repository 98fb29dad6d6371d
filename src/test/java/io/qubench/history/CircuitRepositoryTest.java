package io.qubench.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.qubench.qasm.QasmVersion;

class CircuitRepositoryTest {

    @TempDir
    Path tmp;

    private HistoryDatabase db;
    private CircuitRepository circuits;

    @BeforeEach
    void open() {
        db = HistoryDatabase.open(DataDirectory.create(tmp));
        circuits = db.circuits();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theHashIsTheSha256OfTheExactText() {
        // sha256("abc"), the FIPS 180-2 test vector.
        assertThat(StoredCircuit.sha256("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> new StoredCircuit("00", "abc", QasmVersion.V2, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameTextIsKeptOnceAndTheFirstNameStays() {
        StoredCircuit first = circuits.save(Samples.bell());
        StoredCircuit again = circuits.save(StoredCircuit.of(Samples.BELL, QasmVersion.V2, Optional.of("copy.qasm")));
        assertThat(again).isEqualTo(first);
        assertThat(circuits.count()).isEqualTo(1);
        assertThat(circuits.find(first.hash()).orElseThrow().name()).contains("bell.qasm");
    }

    @Test
    void textsThatDifferOnlyInWhitespaceAreDifferentCircuits() {
        circuits.save(Samples.bell());
        StoredCircuit spaced = circuits.save(StoredCircuit.of(Samples.BELL.replace("h q[0];", "h  q[0];"), QasmVersion.V2, Optional.empty()));
        assertThat(circuits.count()).isEqualTo(2);
        assertThat(circuits.find(spaced.hash()).orElseThrow().text()).contains("h  q[0];");
    }

    @Test
    void anOpenQasm3CircuitWithoutANameRoundTrips() {
        StoredCircuit c = StoredCircuit.of("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nqubit[1] q;\nh q[0];\n", QasmVersion.V3, Optional.empty());
        circuits.save(c);
        assertThat(circuits.find(c.hash())).contains(c);
        assertThat(circuits.find("0".repeat(64))).isEmpty();
    }
}
