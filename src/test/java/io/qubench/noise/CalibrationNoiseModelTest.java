package io.qubench.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;
import io.qubench.device.Device;
import io.qubench.device.GateCalibration;
import io.qubench.device.ShippedDevices;

class CalibrationNoiseModelTest {

    /** The fitted depolarizing term makes the whole error channel's infidelity the reported gate error. */
    @ParameterizedTest
    @CsvSource(textBlock = """
            nairobi,    cx,  0, 1
            nairobi,    sx,  3, -1
            sherbrooke, ecr, 1, 0
            kingston,   cz,  72, 73
            """)
    void totalErrorMatchesTheCalibratedGateError(String device, String gate, int a, int b) {
        Device d = ShippedDevices.load(device);
        List<Integer> qubits = b < 0 ? List.of(a) : List.of(a, b);
        GateCalibration g = d.calibration().gate(gate, qubits).orElseThrow();
        CalibrationNoiseModel model = new CalibrationNoiseModel(d);
        StandardGate sg = StandardGate.byName(gate).orElseThrow();
        List<NoiseModel.Applied> applied = model.after(new GateOperation(sg, List.of(), qubits));
        assertThat(applied).hasSize(1);
        QuantumChannel c = applied.getFirst().channel();
        assertThat(c.isTracePreserving(1e-10)).isTrue();
        assertThat(1 - c.averageGateFidelity()).isCloseTo(g.error(), within(g.error() * 0.02 + 1e-9));
        assertThat(model.approximated()).isFalse();
    }

    @Test
    void virtualRzIsNoiselessAndOtherGatesBorrowTheNearestCalibration() {
        CalibrationNoiseModel model = new CalibrationNoiseModel(ShippedDevices.load("manila"));
        assertThat(model.after(new GateOperation(StandardGate.RZ, List.of(io.qubench.circuit.Expression.of(0.3)), List.of(0)))).isEmpty();
        assertThat(model.after(new GateOperation(StandardGate.H, List.of(), List.of(1)))).hasSize(1);
        assertThat(model.after(new GateOperation(StandardGate.CZ, List.of(), List.of(1, 0)))).hasSize(1);
        assertThat(model.approximated()).isTrue();
    }

    @Test
    void readoutComesFromTheCalibration() {
        Device manila = ShippedDevices.load("manila");
        ReadoutError r = new CalibrationNoiseModel(manila).readout(0).orElseThrow();
        assertThat(r.p1Given0()).isEqualTo(manila.calibration().qubits().get(0).p1Given0());
        assertThat(r.p0Given1()).isEqualTo(manila.calibration().qubits().get(0).p0Given1());
    }
}
