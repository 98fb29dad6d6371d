package io.qubench.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.qubench.device.CalibrationImport.Format;

/**
 * The fixtures beside this class follow the shapes the providers document (Braket's schema
 * docstrings, IonQ's API reference) with made-up but realistic figures.
 */
class CalibrationImportTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    private Path shipped(String device, String kind) throws IOException {
        String name = kind + "_" + device + ".json";
        try (InputStream in = getClass().getResourceAsStream("/samples/devices/" + device + "/" + name)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("snapshot.json"), text);
    }

    private static double error(Device d, String gate, Integer... qubits) {
        return d.calibration().gate(gate, List.of(qubits)).orElseThrow().error();
    }

    @Test
    void ibmPropsWithItsConfigurationBesideItReadsAsTheShippedDevice() throws IOException {
        Path props = shipped("nairobi", "props");
        Path conf = shipped("nairobi", "conf");
        CalibrationImport.Imported imported = CalibrationImport.importFile(props);
        assertThat(imported.format()).isEqualTo(Format.IBM_WITH_CONFIGURATION);
        assertThat(imported.device()).isEqualTo(ShippedDevices.load("nairobi"));
        assertThat(CalibrationImport.read(conf)).as("the conf file finds its props").isEqualTo(ShippedDevices.load("nairobi"));
        assertThat(CalibrationImport.readIbm(props, conf).device()).isEqualTo(ShippedDevices.load("nairobi"));
    }

    @Test
    void ibmPropsAloneTakeQubitsGatesAndCouplingFromTheCalibration() throws IOException {
        CalibrationImport.Imported imported = CalibrationImport.importFile(shipped("manila", "props"));
        Device shippedManila = ShippedDevices.load("manila");
        Device d = imported.device();
        assertThat(imported.format()).isEqualTo(Format.IBM);
        assertThat(d.name()).isEqualTo("manila");
        assertThat(d.backendName()).isEqualTo("ibmq_manila");
        assertThat(d.qubits()).isEqualTo(5);
        assertThat(d.basisGates()).containsExactlyInAnyOrderElementsOf(shippedManila.basisGates()).doesNotContain("reset", "measure");
        assertThat(new HashSet<>(d.couplingMap())).isEqualTo(new HashSet<>(shippedManila.couplingMap()));
        assertThat(d.calibration()).isEqualTo(shippedManila.calibration());
        assertThat(d.maxShots()).isEqualTo(100_000);
    }

    @Test
    void anIbmConfigurationAloneSaysToImportItsProps() throws IOException {
        Path conf = shipped("manila", "conf");
        assertThatThrownBy(() -> CalibrationImport.read(conf)).isInstanceOf(DeviceFormatException.class)
                .hasMessageStartingWith(conf.toString()).hasMessageContaining("no calibration").hasMessageContaining("props_");
    }

    @Test
    void braketGetDeviceReplyMapsPerQubitAndPerPairFidelitiesToErrors() throws IOException {
        CalibrationImport.Imported imported = CalibrationImport.importFile(fixture("braket-getdevice-garnet.json"));
        Device d = imported.device();
        assertThat(imported.format()).isEqualTo(Format.BRAKET);
        assertThat(d.name()).isEqualTo("Garnet");
        assertThat(d.backendName()).isEqualTo("arn:aws:braket:eu-north-1::device/qpu/iqm/Garnet");
        assertThat(d.qubits()).as("IQM's labels 1..5 become qubits 0..4").isEqualTo(5);
        assertThat(d.basisGates()).containsExactly("cz", "prx");
        assertThat(d.twoQubitGate()).isEqualTo("cz");
        assertThat(d.maxShots()).isEqualTo(20_000);
        assertThat(d.calibration().timestamp()).isEqualTo(OffsetDateTime.parse("2026-11-20T06:42:17Z"));
        assertThat(new HashSet<>(d.couplingMap())).containsExactlyInAnyOrder(edge(0, 1), edge(1, 0), edge(0, 3), edge(3, 0),
                edge(1, 2), edge(2, 1), edge(2, 4), edge(4, 2), edge(3, 4), edge(4, 3));
        QubitCalibration q0 = d.calibration().qubits().getFirst();
        assertThat(q0.t1()).isCloseTo(48.1e-6, within(1e-12));
        assertThat(q0.t2()).isCloseTo(21.5e-6, within(1e-12));
        assertThat(q0.p1Given0()).isCloseTo(1 - 0.962, within(1e-12));
        assertThat(q0.p0Given1()).isCloseTo(1 - 0.962, within(1e-12));
        assertThat(error(d, "sx", 0)).isCloseTo(1 - 0.9991, within(1e-12));
        assertThat(error(d, "cz", 0, 1)).isCloseTo(1 - 0.9921, within(1e-12));
        assertThat(error(d, "cz", 2, 4)).isCloseTo(1 - 0.9867, within(1e-12));
        assertThat(d.calibration().medianTwoQubitError()).isCloseTo(1 - 0.9902, within(1e-12));
    }

    @Test
    void braketCapabilitiesKeepEveryNamedGateAndConvertMicroseconds() throws IOException {
        Device d = CalibrationImport.read(fixture("braket-capabilities-ankaa.json"));
        assertThat(d.name()).isEqualTo("braket-capabilities-ankaa");
        assertThat(d.qubits()).isEqualTo(5);
        assertThat(d.basisGates()).containsExactly("rx", "rz", "iswap");
        assertThat(d.maxShots()).isEqualTo(50_000);
        assertThat(d.calibration().timestamp()).isEqualTo(OffsetDateTime.parse("2026-11-18T14:05:00Z"));
        assertThat(d.calibration().qubits().get(0).t1()).isCloseTo(21.3e-6, within(1e-12));
        assertThat(d.calibration().qubits().get(3).t1()).as("a qubit the snapshot leaves out").isNaN();
        assertThat(error(d, "sx", 0)).as("plain RB before simultaneous").isCloseTo(1 - 0.9982, within(1e-12));
        assertThat(error(d, "sx", 1)).as("simultaneous RB when that is all").isCloseTo(1 - 0.9975, within(1e-12));
        assertThat(error(d, "iswap", 0, 1)).isCloseTo(1 - 0.9912, within(1e-12));
        assertThat(error(d, "cz", 0, 1)).isCloseTo(1 - 0.9874, within(1e-12));
        assertThat(error(d, "cp", 4, 0)).as("direction control 4, target 0").isCloseTo(1 - 0.9801, within(1e-12));
        assertThat(new HashSet<>(d.couplingMap())).containsExactlyInAnyOrder(edge(0, 1), edge(1, 0), edge(0, 4), edge(4, 0),
                edge(1, 2), edge(2, 1));
    }

    @Test
    void braketDeviceWideFiguresOfVersion3FillEveryQubitAndPair() throws IOException {
        Device d = CalibrationImport.read(fixture("braket-capabilities-standardized-v3.json"));
        assertThat(d.qubits()).isEqualTo(4);
        assertThat(d.basisGates()).containsExactly("gpi", "gpi2", "ms");
        assertThat(d.couplingMap()).as("fully connected").hasSize(12);
        assertThat(d.calibration().qubits()).allSatisfy(q -> {
            assertThat(q.t1()).isEqualTo(50.0);
            assertThat(q.t2()).isEqualTo(0.95);
            assertThat(q.readoutError()).isCloseTo(0.005, within(1e-12));
            assertThat(q.readoutLength()).isCloseTo(350e-6, within(1e-12));
        });
        assertThat(error(d, "sx", 2)).isCloseTo(1 - 0.9990, within(1e-12));
        List<GateCalibration> twoQubit = d.calibration().gates().stream().filter(g -> g.qubits().size() == 2).toList();
        assertThat(twoQubit).hasSize(6).allSatisfy(g -> {
            assertThat(g.gate()).isEqualTo("cx");
            assertThat(g.error()).isCloseTo(0.006, within(1e-12));
            assertThat(g.length()).isCloseTo(650e-6, within(1e-12));
        });
    }

    @Test
    void braketStandardizedPropertiesAloneTakeTheCouplingFromThePairsAndTheTimeFromTheFile() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode reply = (ObjectNode) json.readTree(getClass().getResourceAsStream("braket-getdevice-garnet.json"));
        String standardized = json.readTree(reply.get("deviceCapabilities").asText()).get("standardized").toString();
        Path file = Files.writeString(dir.resolve("garnet-standardized.json"), standardized);
        OffsetDateTime saved = OffsetDateTime.parse("2026-11-22T10:00:00Z");
        Files.setLastModifiedTime(file, FileTime.from(saved.toInstant()));
        Device d = CalibrationImport.read(file);
        assertThat(d.name()).isEqualTo("garnet-standardized");
        assertThat(d.qubits()).isEqualTo(5);
        assertThat(d.basisGates()).containsExactly("cz");
        assertThat(d.couplingMap()).hasSize(10).contains(edge(0, 1), edge(1, 0), edge(2, 4));
        assertThat(d.calibration().timestamp()).isEqualTo(saved);
    }

    @Test
    void ionqCharacterizationIsAllToAllWithTheMedianFidelitiesAsErrors() throws IOException {
        CalibrationImport.Imported imported = CalibrationImport.importFile(fixture("ionq-forte-1-characterization.json"));
        Device d = imported.device();
        assertThat(imported.format()).isEqualTo(Format.IONQ);
        assertThat(d.name()).isEqualTo("forte-1");
        assertThat(d.backendName()).isEqualTo("qpu.forte-1");
        assertThat(d.qubits()).isEqualTo(6);
        assertThat(d.basisGates()).contains("cx", "rz", "rxx").doesNotContain("cnot", "ms");
        assertThat(d.couplingMap()).hasSize(30);
        assertThat(d.calibration().timestamp()).isEqualTo(OffsetDateTime.parse("2026-11-19T00:00:00Z"));
        assertThat(d.calibration().qubits()).hasSize(6).allSatisfy(q -> {
            assertThat(q.t1()).isEqualTo(100.0);
            assertThat(q.t2()).isEqualTo(1.0);
            assertThat(q.readoutError()).isCloseTo(1 - 0.9952, within(1e-12));
            assertThat(q.readoutLength()).isCloseTo(150e-6, within(1e-15));
        });
        assertThat(d.calibration().gate("sx", List.of(5)).orElseThrow()).satisfies(g -> {
            assertThat(g.error()).isCloseTo(2e-4, within(1e-12));
            assertThat(g.length()).isCloseTo(63e-6, within(1e-15));
        });
        assertThat(d.calibration().gates().stream().filter(g -> g.gate().equals("cx"))).hasSize(15).allSatisfy(g -> {
            assertThat(g.error()).isCloseTo(1 - 0.9937, within(1e-12));
            assertThat(g.length()).isCloseTo(650e-6, within(1e-15));
        });
        assertThat(d.usableEdges()).hasSize(30);
    }

    @Test
    void ionqVersion03CharacterizationHasUnixSecondsMeansAndListedPairs() throws IOException {
        Device d = CalibrationImport.read(fixture("ionq-aria-1-characterization-v03.json"));
        assertThat(d.name()).isEqualTo("aria-1");
        assertThat(d.calibration().timestamp()).isEqualTo(OffsetDateTime.parse("2025-11-19T00:00:00Z"));
        assertThat(new HashSet<>(d.couplingMap())).containsExactlyInAnyOrder(edge(0, 1), edge(1, 0), edge(0, 2), edge(2, 0),
                edge(1, 2), edge(2, 1), edge(2, 3), edge(3, 2));
        assertThat(error(d, "cx", 2, 3)).isCloseTo(0.014, within(1e-12));
        assertThat(d.calibration().medianReadoutError()).isCloseTo(1 - 0.9961, within(1e-12));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            cnot,        cx
            CNOT,        cx
            ccnot,       ccx
            si,          sdg
            ti,          tdg
            v,           sx
            vi,          sxdg
            phaseshift,  p
            cphaseshift, cp
            CPHASE,      cp
            xx,          rxx
            yy,          ryy
            zz,          rzz
            i,           id
            CZ,          cz
            ISWAP,       iswap
            ecr,         ecr
            prx,         prx
            GPi2,        gpi2
            MS,          ms
            """)
    void providerGateNamesBecomeQubenchNames(String provider, String qubench) {
        assertThat(ProviderGateNames.toQubench(provider)).isEqualTo(qubench);
    }

    static Stream<Arguments> badFiles() {
        String ionq = """
                {"backend": "qpu.aria-1", "qubits": %s, "date": %s, "connectivity": %s,
                 "fidelity": {"spam": {"median": 0.99}, "2q": {"median": %s}}, "timing": {"t1": %s, "t2": 1}}""";
        String braket = """
                {"paradigm": {"qubitCount": 2, "nativeGateSet": ["cz"], "connectivity": {"fullyConnected": true, "connectivityGraph": {}}},
                 "standardized": {"oneQubitProperties": {"0": {"T1": {"value": %s, "unit": "%s"}, "T2": {"value": 1, "unit": "s"},
                   "oneQubitFidelity": []}},
                  "twoQubitProperties": {"%s": {"twoQubitGateFidelity": [{"gateName": "CZ", %s "fidelityType": {"name": "RB"}}]}}}}""";
        return Stream.of(
                Arguments.of("", List.of("is empty")),
                Arguments.of("  \n ", List.of("is empty")),
                Arguments.of("{\"qubits\": [", List.of("is not valid JSON (line 1")),
                Arguments.of("[1, 2]", List.of("not an object", "found a list")),
                Arguments.of("{\"name\": \"bell\", \"shots\": 100}", List.of("not a calibration snapshot Qubench knows",
                        "found the fields name, shots")),
                Arguments.of(ionq.formatted("\"six\"", "\"2025-06-16T00:00:00Z\"", "[]", "0.98", "10"),
                        List.of("qubits must be a whole number, found text \"six\"")),
                Arguments.of(ionq.formatted("4", "\"2025-06-16T00:00:00Z\"", "[]", "1.2", "10"),
                        List.of("fidelity.2q.median is a fidelity and must lie between 0 and 1")),
                Arguments.of(ionq.formatted("4", "\"2025-06-16T00:00:00Z\"", "[]", "\"high\"", "10"),
                        List.of("fidelity.2q.median must be a number, found text")),
                Arguments.of(ionq.formatted("4", "\"2025-06-16T00:00:00Z\"", "[]", "0.98", "\"10 s\""),
                        List.of("timing.t1 must be a number, found text")),
                Arguments.of(ionq.formatted("4", "\"2025-06-16T00:00:00Z\"", "[[0, 9]]", "0.98", "10"),
                        List.of("connectivity[0] [0,9] is not a pair of distinct qubits below 4")),
                Arguments.of(ionq.formatted("4", "\"yesterday\"", "[]", "0.98", "10"), List.of("date 'yesterday'")),
                Arguments.of(ionq.formatted("4", "\"2025-06-16T00:00:00Z\"", "{}", "0.98", "10"),
                        List.of("connectivity must be a list, found an object")),
                Arguments.of(braket.formatted("\"48\"", "us", "0-1", "\"fidelity\": 0.99,"),
                        List.of("standardized.oneQubitProperties.0.T1.value must be a number, found text \"48\"")),
                Arguments.of(braket.formatted("48", "min", "0-1", "\"fidelity\": 0.99,"),
                        List.of("standardized.oneQubitProperties.0.T1.unit has unknown time unit 'min'")),
                Arguments.of(braket.formatted("48", "us", "0_1", "\"fidelity\": 0.99,"),
                        List.of("standardized.twoQubitProperties has key '0_1', not a qubit pair")),
                Arguments.of(braket.formatted("48", "us", "0-1", ""),
                        List.of("has no standardized.twoQubitProperties.0-1.twoQubitGateFidelity[0].fidelity")),
                Arguments.of(braket.formatted("48", "us", "0-5", "\"fidelity\": 0.99,"),
                        List.of("names qubit 5, outside paradigm.qubitCount 2")),
                Arguments.of(braket.formatted("48", "us", "0-1", "\"fidelity\": 0.99, \"direction\": {\"control\": 1, \"target\": 3},"),
                        List.of("standardized.twoQubitProperties.0-1.twoQubitGateFidelity[0].direction control 1, target 3 is not the pair 0-1")),
                Arguments.of("{\"braketSchemaHeader\": {\"name\": \"braket.device_schema.simulators.gate_model_simulator_device_capabilities\"}, "
                        + "\"paradigm\": {\"qubitCount\": 34}}", List.of("without 'standardized'")),
                Arguments.of("{\"deviceName\": \"Garnet\", \"deviceCapabilities\": \"{oops\"}",
                        List.of("(deviceCapabilities): is not valid JSON")),
                Arguments.of("{\"backend_name\": \"ibm_x\", \"last_update_date\": \"2025-01-01T00:00:00+00:00\", \"qubits\": "
                        + "[[{\"name\": \"T1\", \"unit\": \"us\", \"value\": \"long\"}]], \"gates\": []}",
                        List.of("the value of 'T1' must be a number, found text \"long\"")));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aFileOfNoKnownFormatOrWithABadFieldIsRefusedNamingTheFileAndField(String text, List<String> expected) throws IOException {
        Path file = write(text);
        assertThatThrownBy(() -> CalibrationImport.read(file)).isInstanceOf(DeviceFormatException.class)
                .hasMessageStartingWith(file.toString()).satisfies(e -> assertThat(e.getMessage()).contains(expected));
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        Path missing = dir.resolve("nowhere.json");
        assertThatThrownBy(() -> CalibrationImport.read(missing)).isInstanceOf(DeviceFormatException.class)
                .hasMessageStartingWith(missing.toString()).hasMessageContaining("cannot be read");
    }

    private static Device.Edge edge(int a, int b) {
        return new Device.Edge(a, b);
    }
}
