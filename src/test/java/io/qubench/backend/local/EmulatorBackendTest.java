package io.qubench.backend.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.qubench.backend.BackendException;
import io.qubench.backend.BackendInfo;
import io.qubench.backend.ProviderJob;
import io.qubench.backend.ProviderState;
import io.qubench.backend.Submission;
import io.qubench.circuit.Circuit;
import io.qubench.device.ShippedDevices;
import io.qubench.noise.NoiseModel;
import io.qubench.qasm.QasmReader;

class EmulatorBackendTest {

    private static final String HEADER = "OPENQASM 2.0;\ninclude \"qelib1.inc\";\n";
    private static final Circuit BELL = QasmReader.parse(HEADER + "qreg q[2];\ncreg c[2];\nh q[0];\ncx q[0], q[1];\n"
            + "measure q -> c;\n", "bell.qasm");

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final HandClock clock = new HandClock();

    private EmulatorBackend manila(SimulatedQueue queue) {
        return new EmulatorBackend(ShippedDevices.load("manila"), queue, clock);
    }

    @Test
    void aJobWaitsInTheSimulatedQueueThenRunsForItsShotsThenCompletesWithNoisyCounts() {
        EmulatorBackend e = manila(new SimulatedQueue(Duration.ofSeconds(5), Duration.ofMillis(1)));
        String id = e.submit(new Submission("k1", BELL, 1000, 7));
        assertThat(e.poll(id).state()).isEqualTo(ProviderState.QUEUED);
        assertThat(e.describe().queueLength()).isEqualTo(1);
        clock.now = clock.now.plusSeconds(5);
        assertThat(e.poll(id).state()).isEqualTo(ProviderState.RUNNING);
        clock.now = clock.now.plusSeconds(1);
        ProviderJob done = e.poll(id);
        assertThat(done.state()).isEqualTo(ProviderState.COMPLETED);
        assertThat(done.shotsCompleted()).isEqualTo(1000);
        assertThat(done.usageSeconds()).isEqualTo(1.0);
        assertThat(done.counts().keySet()).contains("00", "11");
        assertThat(done.counts().getOrDefault("01", 0) + done.counts().getOrDefault("10", 0)).isPositive();
        assertThat(e.describe().queueLength()).isZero();
    }

    @Test
    void jobsRunOneAfterAnotherSoALaterOneWaitsForTheEarlier() {
        EmulatorBackend e = manila(new SimulatedQueue(Duration.ZERO, Duration.ofMillis(1)));
        String first = e.submit(new Submission("a", BELL, 2000, 1));
        String second = e.submit(new Submission("b", BELL, 1000, 1));
        clock.now = clock.now.plusMillis(1500);
        assertThat(e.poll(first).state()).isEqualTo(ProviderState.RUNNING);
        assertThat(e.poll(second).state()).isEqualTo(ProviderState.QUEUED);
        clock.now = clock.now.plusMillis(1500);
        assertThat(e.poll(second).state()).isEqualTo(ProviderState.COMPLETED);
    }

    @Test
    void submittingAgainUnderTheSameKeyReturnsTheSameJob() {
        EmulatorBackend e = manila(SimulatedQueue.NONE);
        String id = e.submit(new Submission("same", BELL, 10, 1));
        assertThat(e.submit(new Submission("same", BELL, 10, 1))).isEqualTo(id);
        assertThat(e.submit(new Submission("other", BELL, 10, 1))).isNotEqualTo(id);
    }

    @Test
    void aCancelledJobStaysCancelled() {
        EmulatorBackend e = manila(new SimulatedQueue(Duration.ofMinutes(1), Duration.ZERO));
        String id = e.submit(new Submission("k", BELL, 10, 1));
        e.cancel(id);
        clock.now = clock.now.plusSeconds(120);
        assertThat(e.poll(id).state()).isEqualTo(ProviderState.CANCELLED);
    }

    @Test
    void theEmulatorHasItsDevicesLimitsAndCalibrationFidelity() {
        BackendInfo info = manila(SimulatedQueue.NONE).describe();
        assertThat(info.name()).isEqualTo("emulator:manila");
        assertThat(info.qubits()).isEqualTo(5);
        assertThat(info.maxShots()).isEqualTo(ShippedDevices.load("manila").maxShots());
        assertThat(info.calibrationFidelity()).isBetween(0.9, 1.0);
        assertThat(manila(SimulatedQueue.NONE).validate(BELL, info.maxShots() + 1))
                .anyMatch(p -> p.contains("exceed emulator:manila's maximum"));
    }

    @Test
    void aCircuitOffTheCouplingMapIsRoutedAsTheDeviceWouldRunIt() {
        Circuit far = QasmReader.parse(HEADER + "qreg q[5];\ncreg c[5];\nx q[0];\ncx q[0], q[3];\nmeasure q -> c;\n", "far.qasm");
        EmulatorBackend e = manila(SimulatedQueue.NONE);
        assertThat(e.validate(far, 10)).isEmpty();
        ProviderJob done = e.poll(e.submit(new Submission("k", far, 400, 1)));
        assertThat(done.state()).isEqualTo(ProviderState.COMPLETED);
        assertThat(done.counts().getOrDefault("01001", 0)).as("x then cx 0→3 reads q0 = q3 = 1 mostly").isGreaterThan(300);
    }

    @Test
    void aCircuitLargerThanTheDeviceIsRefusedNamingIt() {
        Circuit big = QasmReader.parse(HEADER + "qreg q[6];\nh q[5];\n", "big.qasm");
        EmulatorBackend e = manila(SimulatedQueue.NONE);
        assertThat(e.validate(big, 10)).singleElement().asString().contains("manila");
        assertThatThrownBy(() -> e.submit(new Submission("k", big, 10, 1))).isInstanceOf(BackendException.class)
                .hasMessageContaining("manila");
    }

    @Test
    void anUnknownJobIdIsAClearError() {
        assertThatThrownBy(() -> manila(SimulatedQueue.NONE).poll("emulator:manila-99"))
                .isInstanceOf(BackendException.class).hasMessageContaining("has no job emulator:manila-99");
    }

    @Test
    void theIdealSimulatorRunsWithoutNoise() {
        LocalSimulatorBackend local = new LocalSimulatorBackend(SimulatedQueue.NONE, clock);
        ProviderJob done = local.poll(local.submit(new Submission("k", BELL, 500, 3)));
        assertThat(done.counts().keySet()).containsExactly("00", "11");
    }

    @Test
    void aCircuitTooLargeForThisMachineIsSentToBraketSv1() {
        Circuit wide = QasmReader.parse(HEADER + "qreg q[30];\nt q;\nh q;\n", "wide.qasm");
        assertThat(MachineCapacity.problem(wide, 10, NoiseModel.IDEAL, 1 << 20)).get().asString()
                .contains("30-qubit").contains("Amazon Braket SV1 simulates up to 34 qubits").contains("braket:sv1");
        Circuit wider = QasmReader.parse(HEADER + "qreg q[40];\nt q;\nh q;\n", "wider.qasm");
        assertThat(new LocalSimulatorBackend(SimulatedQueue.NONE, clock).validate(wider, 10)).singleElement().asString()
                .contains("beyond Amazon Braket SV1 too");
        Circuit clifford = QasmReader.parse(HEADER + "qreg q[40];\nh q;\n", "clifford.qasm");
        assertThat(MachineCapacity.problem(clifford, 10, NoiseModel.IDEAL, 1 << 20)).isEmpty();
    }
}
