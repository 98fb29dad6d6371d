package io.qubench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.device.Calibration;
import io.qubench.device.CalibrationHistory;
import io.qubench.device.CalibrationImport;

import io.qubench.device.Device;
import io.qubench.device.DriftDetector;
import io.qubench.device.InMemoryCalibrationStore;
import io.qubench.device.ShippedDevices;
import io.qubench.history.HistoryDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qubench devices}: the devices Qubench knows, with the calibration snapshot each comes with. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the devices with their qubits, native gates and calibration summary.",
        subcommands = {DevicesCommand.Import.class, DevicesCommand.Drift.class})
final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> rows = ShippedDevices.all().stream().map(DevicesCommand::summary).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(rows));
            return 0;
        }
        printTable(out, rows);
        out.println("(emulated from real IBM calibration snapshots shipped in samples/devices; Apache-2.0, see its NOTICE)");
        return 0;
    }

    static Map<String, Object> summary(Device d) {
        Calibration c = d.calibration();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", d.name());
        row.put("backend", d.backendName());
        row.put("qubits", d.qubits());
        row.put("basis_gates", d.basisGates());
        row.put("snapshot", c.timestamp().toString());
        row.put("median_t1_us", round(c.medianT1() * 1e6));
        row.put("median_t2_us", round(c.medianT2() * 1e6));
        row.put("median_readout_error", round(c.medianReadoutError()));
        row.put("median_2q_error", round(c.medianTwoQubitError()));
        row.put("broken_couplers", d.couplingMap().size() - d.usableEdges().size());
        return row;
    }

    static void printTable(PrintWriter out, List<Map<String, Object>> rows) {
        out.printf(Locale.ROOT, "%-11s %6s  %-22s %-10s %9s %9s %8s %9s%n", "device", "qubits", "basis", "snapshot",
                "T1 (us)", "T2 (us)", "readout", "2q error");
        for (Map<String, Object> r : rows) {
            out.printf(Locale.ROOT, "%-11s %6d  %-22s %-10s %9.1f %9.1f %8.4f %9.5f%n", r.get("name"), r.get("qubits"),
                    r.get("basis_gates").toString().replaceAll("[\\[\\],]", ""), r.get("snapshot").toString().substring(0, 10),
                    r.get("median_t1_us"), r.get("median_t2_us"), r.get("median_readout_error"), r.get("median_2q_error"));
        }
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : Double.NaN;
    }

    /** {@code qubench devices import FILE}: reads a user's own snapshot and shows it as {@code devices} would. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read a calibration snapshot: IBM props (its conf_ file beside it is used), Amazon Braket device "
                    + "properties or an IonQ characterization, told apart by content.")
    static final class Import implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "the snapshot's JSON file")
        Path file;

        @Option(names = "--conf", paramLabel = "CONF", description = "the IBM configuration file that goes with an IBM props FILE, "
                + "when it is not the conf_ file beside it")
        Path conf;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Mixin
        DataDirOption dataDir;

        @Override
        public Integer call() throws Exception {
            CalibrationImport.Imported imported = conf == null ? CalibrationImport.importFile(file) : CalibrationImport.readIbm(file, conf);
            String id;
            // Every snapshot imported is kept, so the device's calibration history grows with each import.
            try (HistoryDatabase db = dataDir.open()) {
                id = new CalibrationHistory(db.calibrations()).keepImported(imported.device(), file.toAbsolutePath());
            }
            Map<String, Object> row = summary(imported.device());
            row.put("format", imported.format().description());
            row.put("file", file.toString());
            row.put("calibration_id", id);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new ObjectMapper().writeValueAsString(row));
                return 0;
            }
            printTable(out, List.of(row));
            out.println("(" + imported.format().description() + " from " + file + "; " + imported.device().couplingMap().size()
                    + " directed couplings, " + imported.device().calibration().gates().size() + " gate calibrations; kept in the history as "
                    + id.substring(0, 12) + "…)");
            return 0;
        }
    }

    /** {@code qubench devices drift NAME}: a shipped device's daily medians over its emulated history, drift flagged. */
    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = "Daily median T1, T2, 2q error and readout error of a shipped device's emulated calibration history, "
                    + "with the days far from the trailing 14-day baseline flagged.")
    static final class Drift implements Callable<Integer> {

        static final int MAX_DAYS = 365;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "a shipped device (see qubench devices)")
        String name;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Option(names = "--days", paramLabel = "N", description = "days of history, ending with the real snapshot (default: ${DEFAULT-VALUE})")
        int days = CalibrationHistory.EMULATED_DAYS;

        @Override
        public Integer call() throws Exception {
            if (days < 1 || days > MAX_DAYS) {
                throw new ParameterException(spec.commandLine(), "--days must be between 1 and " + MAX_DAYS + ", not " + days);
            }
            Device device = ShippedDevices.load(name);
            CalibrationHistory history = new CalibrationHistory(new InMemoryCalibrationStore());
            history.seed(device, days);
            List<Calibration> trend = history.trend(device);
            Map<Integer, DriftDetector.Flagged> flagged = new LinkedHashMap<>();
            history.drift(device).forEach(f -> flagged.put(f.index(), f));
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < trend.size(); i++) {
                Calibration c = trend.get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("date", c.timestamp().toLocalDate().toString());
                row.put("emulated", CalibrationHistory.isEmulated(c));
                row.put("median_t1_us", round(c.medianT1() * 1e6));
                row.put("median_t2_us", round(c.medianT2() * 1e6));
                row.put("median_2q_error", round(c.medianTwoQubitError()));
                row.put("median_readout_error", round(c.medianReadoutError()));
                row.put("flagged", flagged.containsKey(i));
                row.put("reason", flagged.containsKey(i) ? flagged.get(i).reason() : null);
                rows.add(row);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("device", device.name());
                doc.put("backend", device.backendName());
                doc.put("seed", CalibrationHistory.EMULATED_SEED);
                doc.put("flagged_days", flagged.size());
                doc.put("days", rows);
                out.println(new ObjectMapper().writeValueAsString(doc));
                return 0;
            }
            out.printf(Locale.ROOT, "%s (%s): %d daily snapshots, %d emulated around the real one of %s (seed %d)%n", device.name(),
                    device.backendName(), trend.size(), trend.size() - 1, device.calibration().timestamp().toLocalDate(),
                    CalibrationHistory.EMULATED_SEED);
            out.printf(Locale.ROOT, "%-10s %-8s %9s %9s %9s %8s  %s%n", "date", "source", "T1 (us)", "T2 (us)", "2q error", "readout",
                    "drift");
            for (Map<String, Object> r : rows) {
                out.printf(Locale.ROOT, "%-10s %-8s %9.1f %9.1f %9.5f %8.4f  %s%n", r.get("date"),
                        (boolean) r.get("emulated") ? "emulated" : "real", r.get("median_t1_us"), r.get("median_t2_us"),
                        r.get("median_2q_error"), r.get("median_readout_error"), r.get("reason") == null ? "" : "! " + r.get("reason"));
            }
            out.printf(Locale.ROOT, "%d of %d days flagged: more than %.0f MADs from the median of the previous %d days "
                    + "(emulated history, not measurements)%n", flagged.size(), trend.size(), DriftDetector.THRESHOLD, DriftDetector.WINDOW);
            return 0;
        }
    }
}
