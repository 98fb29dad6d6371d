package io.qubench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DevicesCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        String[] all = args;
        if (args.length > 1 && args[1].equals("import")) {
            all = java.util.Arrays.copyOf(args, args.length + 2);
            all[args.length] = "--data-dir";
            all[args.length + 1] = dir.resolve("data").toString();
        }
        return QubenchCli.run(all, new PrintWriter(out), new PrintWriter(err));
    }

    private Path copy(String resource, String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Path file = dir.resolve(name);
            Files.copy(in, file);
            return file;
        }
    }

    @Test
    void importPrintsTheDeviceSummaryAsJson() throws IOException {
        Path file = copy("/io/qubench/device/ionq-forte-1-characterization.json", "forte.json");
        assertThat(run("devices", "import", file.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("name").asText()).isEqualTo("forte-1");
        assertThat(json.get("qubits").asInt()).isEqualTo(6);
        assertThat(json.get("format").asText()).isEqualTo("IonQ characterization");
        assertThat(json.get("median_2q_error").asDouble()).isEqualTo(0.0063);
        assertThat(json.get("median_readout_error").asDouble()).isEqualTo(0.0048);
        assertThat(json.get("file").asText()).isEqualTo(file.toString());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void everyImportedSnapshotIsKeptInTheHistoryOnceWithWhereItCameFrom() throws IOException {
        Path file = copy("/io/qubench/device/ionq-forte-1-characterization.json", "forte.json");
        assertThat(run("devices", "import", file.toString(), "--json")).isZero();
        String id = new ObjectMapper().readTree(out.toString()).get("calibration_id").asText();
        out.getBuffer().setLength(0);
        assertThat(run("devices", "import", file.toString(), "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("calibration_id").asText()).isEqualTo(id);
        try (var db = io.qubench.history.HistoryDatabase.open(io.qubench.history.DataDirectory.create(dir.resolve("data")))) {
            var kept = db.calibrations().find(id);
            assertThat(kept).isPresent();
            assertThat(db.calibrations().history(kept.get().device())).hasSize(1);
        }
    }

    @Test
    void importPrintsTheSummaryTableOfAnIbmPair() throws IOException {
        Path props = copy("/samples/devices/nairobi/props_nairobi.json", "props_nairobi.json");
        copy("/samples/devices/nairobi/conf_nairobi.json", "conf_nairobi.json");
        assertThat(run("devices", "import", props.toString())).isZero();
        assertThat(out.toString()).contains("device").contains("2q error").containsPattern("nairobi\\s+7\\s+cx id rz sx x\\s+2024-05-27")
                .contains("IBM properties and configuration");
    }

    @Test
    void importTakesAnIbmConfigurationFileNamedByOption() throws IOException {
        Path props = copy("/samples/devices/manila/props_manila.json", "latest-props.json");
        Path conf = copy("/samples/devices/manila/conf_manila.json", "manila-configuration.json");
        assertThat(run("devices", "import", props.toString(), "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString()).get("format").asText()).isEqualTo("IBM properties");
        out.getBuffer().setLength(0);
        assertThat(run("devices", "import", props.toString(), "--conf", conf.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("format").asText()).isEqualTo("IBM properties and configuration");
        assertThat(json.get("backend").asText()).isEqualTo("ibmq_manila");
        assertThat(run("devices", "import", conf.toString(), "--conf", props.toString())).isEqualTo(QubenchCli.EXIT_USER_ERROR);
        assertThat(err.toString()).contains(conf + ": is not an IBM properties file");
    }

    @Test
    void importOfABadFileExitsTwoWithTheReason() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertThat(run("devices", "import", empty.toString())).isEqualTo(QubenchCli.EXIT_USER_ERROR);
        assertThat(err.toString()).contains(empty + ": is empty");
        Path other = Files.writeString(dir.resolve("job.json"), "{\"id\": \"j1\", \"status\": \"completed\"}");
        assertThat(run("devices", "import", other.toString())).isEqualTo(QubenchCli.EXIT_USER_ERROR);
        assertThat(err.toString()).contains(other + ": is not a calibration snapshot Qubench knows");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void driftListsEveryDayWithTheFlaggedOnesMarked() throws IOException {
        assertThat(run("devices", "drift", "nairobi", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("device").asText()).isEqualTo("nairobi");
        JsonNode days = json.get("days");
        assertThat(days).hasSize(90);
        assertThat(days.get(89).get("emulated").asBoolean()).isFalse();
        assertThat(days.get(89).get("date").asText()).isEqualTo("2024-05-27");
        assertThat(days.get(0).get("emulated").asBoolean()).isTrue();
        int flagged = 0;
        for (JsonNode day : days) {
            assertThat(day.get("median_t1_us").asDouble()).isPositive();
            if (day.get("flagged").asBoolean()) {
                flagged++;
                assertThat(day.get("reason").asText()).contains("MADs above the 14-day median");
            } else {
                assertThat(day.get("reason").isNull()).isTrue();
            }
        }
        assertThat(flagged).isEqualTo(json.get("flagged_days").asInt()).isBetween(1, 12);
    }

    @Test
    void driftTableHasTheAskedDaysAndMarksFlaggedOnes() {
        assertThat(run("devices", "drift", "manila", "--days", "30")).isZero();
        String text = out.toString();
        assertThat(text.lines().filter(l -> l.matches("\\d{4}-\\d{2}-\\d{2} .*"))).hasSize(30);
        assertThat(text.lines().filter(l -> l.contains("! median"))).isNotEmpty().allMatch(l -> l.contains(" emulated "));
        assertThat(text).contains("2024-05-27 real").contains("days flagged").contains("emulated history");
    }

    @Test
    void driftRefusesAnUnknownDeviceAndABadDayCount() {
        assertThat(run("devices", "drift", "atlantis")).isEqualTo(QubenchCli.EXIT_USER_ERROR);
        assertThat(err.toString()).contains("known devices");
        assertThat(run("devices", "drift", "manila", "--days", "0")).isEqualTo(QubenchCli.EXIT_USER_ERROR);
        assertThat(err.toString()).contains("--days must be between 1 and 365");
    }

    @Test
    void devicesStillListsTheShippedOnes() throws IOException {
        assertThat(run("devices", "--json")).isZero();
        assertThat(new ObjectMapper().readTree(out.toString())).hasSize(6);
    }
}
