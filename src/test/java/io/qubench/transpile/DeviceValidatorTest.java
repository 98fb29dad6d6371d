package io.qubench.transpile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.GateDefinition;
import io.qubench.circuit.StandardGate;
import io.qubench.device.Device;
import io.qubench.device.GateCalibration;
import io.qubench.device.ShippedDevices;

class DeviceValidatorTest {

    private final Device manila = ShippedDevices.load("manila");

    @Test
    void aCircuitThatFitsHasNoProblems() {
        Circuit c = Circuit.builder().qubits(3).h(0).cx(0, 1).cx(2, 1).build();
        assertThat(DeviceValidator.problems(c, manila, 1000, true)).isEmpty();
    }

    @Test
    void tooManyQubitsTooManyShotsAndOpaqueGatesAreNamed() {
        Circuit big = Circuit.builder().qubits(6).h(0)
                .gate(GateDefinition.opaque("magic", List.of(), List.of("a")), List.of(), 1).build();
        assertThat(DeviceValidator.problems(big, manila, 1_000_000, false)).containsExactly(
                "the circuit has 6 qubits but manila has 5",
                "1000000 shots exceed manila's maximum of 100000",
                "gate magic is opaque: it has no definition to translate into manila's gates [cx, id, rz, sx, x]");
    }

    @Test
    void placedCircuitsUseOnlyCoupledPairsAndTwoQubitGates() {
        Circuit c = Circuit.builder().qubits(5).cx(0, 4).gate(StandardGate.CCX, 0, 1, 2).build();
        assertThat(DeviceValidator.problems(c, manila, 10, true)).containsExactly(
                "gate cx on [q[0], q[4]] (operation 1): device qubits 0 and 4 are not coupled on manila",
                "gate ccx on [q[0], q[1], q[2]] (operation 2) acts on 3 qubits; manila runs one- and two-qubit gates only");
        assertThatThrownBy(() -> DeviceValidator.require(c, manila, 10, true))
                .hasMessageStartingWith("cannot run on manila:\n  gate cx on [q[0], q[4]]");
    }

    @Test
    void aGateOnABrokenCouplerIsRefused() {
        Device kingston = ShippedDevices.load("kingston");
        GateCalibration broken = kingston.calibration().gates().stream()
                .filter(g -> g.gate().equals("cz") && g.isBroken()).findFirst().orElseThrow();
        int a = broken.qubits().get(0);
        int b = broken.qubits().get(1);
        Circuit c = Circuit.builder().qubits(Math.max(a, b) + 1).gate(StandardGate.CZ, a, b).build();
        assertThat(DeviceValidator.problems(c, kingston, 10, true)).singleElement().asString()
                .contains("coupler between device qubits " + a + " and " + b + " is broken on kingston");
    }
}
