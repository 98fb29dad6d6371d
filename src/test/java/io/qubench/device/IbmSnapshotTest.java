package io.qubench.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IbmSnapshotTest {

    @ParameterizedTest
    @CsvSource(textBlock = """
            manila,     5,   cx
            nairobi,    7,   cx
            guadalupe,  16,  cx
            hanoi,      27,  cx
            sherbrooke, 127, ecr
            kingston,   156, cz
            """)
    void everyShippedDeviceLoadsWithItsNativeGate(String name, int qubits, String twoQubitGate) {
        Device d = ShippedDevices.load(name);
        assertThat(d.qubits()).isEqualTo(qubits);
        assertThat(d.twoQubitGate()).isEqualTo(twoQubitGate);
        assertThat(d.calibration().qubits()).hasSize(qubits);
        assertThat(d.couplingMap()).isNotEmpty().allMatch(e -> e.control() < qubits && e.target() < qubits);
    }

    /** The sanity figures of PROVIDERS.md §5. */
    @Test
    void mediansMatchThePublishedSnapshotFigures() {
        Calibration nairobi = ShippedDevices.load("nairobi").calibration();
        assertThat(nairobi.medianT1() * 1e6).isCloseTo(87, within(2.0));
        assertThat(nairobi.medianT2() * 1e6).isCloseTo(106, within(2.0));
        assertThat(nairobi.medianReadoutError()).isCloseTo(0.022, within(0.002));
        assertThat(nairobi.medianTwoQubitError()).isCloseTo(7.8e-3, within(0.5e-3));
        assertThat(nairobi.gate("cx", List.of(0, 1)).orElseThrow().length()).isGreaterThan(100e-9);
        Calibration kingston = ShippedDevices.load("kingston").calibration();
        assertThat(kingston.medianT1() * 1e6).isCloseTo(283, within(5.0));
        assertThat(kingston.medianT2() * 1e6).isCloseTo(144, within(5.0));
        assertThat(kingston.medianTwoQubitError()).isCloseTo(1.8e-3, within(0.3e-3));
        assertThat(ShippedDevices.load("sherbrooke").calibration().medianTwoQubitError()).isCloseTo(7.8e-3, within(0.6e-3));
    }

    @Test
    void brokenCouplersLeaveTheUsableCouplingMap() {
        Device kingston = ShippedDevices.load("kingston");
        long broken = kingston.calibration().gates().stream().filter(g -> g.gate().equals("cz") && g.isBroken()).count();
        assertThat(broken).isPositive();
        assertThat(kingston.usableEdges()).hasSizeLessThan(kingston.couplingMap().size());
        assertThat(kingston.calibration().qubits()).anyMatch(q -> Double.isNaN(q.t1()));
    }

    @Test
    void asymmetricReadoutIsKeptAndSymmetricIsAFallback() {
        QubitCalibration q = ShippedDevices.load("manila").calibration().qubits().get(0);
        assertThat(q.p1Given0()).isNotEqualTo(q.p0Given1());
        assertThat(q.readoutError()).isBetween(Math.min(q.p1Given0(), q.p0Given1()), Math.max(q.p1Given0(), q.p0Given1()));
    }

    private static Device read(String conf, String props) {
        return IbmSnapshot.read("test", new ByteArrayInputStream(conf.getBytes(StandardCharsets.UTF_8)), "conf.json",
                new ByteArrayInputStream(props.getBytes(StandardCharsets.UTF_8)), "props.json");
    }

    @Test
    void filesThatAreNotIbmSnapshotsAreNamedWithTheProblem() {
        String conf = "{\"n_qubits\": 1, \"basis_gates\": [\"x\"], \"coupling_map\": []}";
        String props = "{\"backend_name\": \"t\", \"last_update_date\": \"2024-01-01T00:00:00+00:00\", \"qubits\": [[]], \"gates\": []}";
        assertThat(read(conf, props).qubits()).isEqualTo(1);
        assertThatThrownBy(() -> read("{not json", props)).hasMessageStartingWith("conf.json: is not valid JSON");
        assertThatThrownBy(() -> read("{\"qubits\": 3}", props)).hasMessageContaining("conf.json").hasMessageContaining("n_qubits");
        assertThatThrownBy(() -> read(conf, "{\"backend_name\": \"t\", \"qubits\": [[]], \"gates\": []}"))
                .hasMessageContaining("props.json: has no last_update_date");
        assertThatThrownBy(() -> read(conf, props.replace("[[]]", "[[], []]"))).hasMessageContaining("has 2 qubits but the configuration has 1");
        assertThatThrownBy(() -> ShippedDevices.load("nowhere")).hasMessageContaining("known devices: manila");
    }
}
