package io.qubench.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.device.Calibration;
import io.qubench.device.Device;
import io.qubench.device.ShippedDevices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code qubench devices}: the devices Qubench knows, with the calibration snapshot each comes with. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List the devices with their qubits, native gates and calibration summary.")
final class DevicesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Device d : ShippedDevices.all()) {
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
            rows.add(row);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(rows));
            return 0;
        }
        out.printf(Locale.ROOT, "%-11s %6s  %-22s %-10s %9s %9s %8s %9s%n", "device", "qubits", "basis", "snapshot",
                "T1 (us)", "T2 (us)", "readout", "2q error");
        for (Map<String, Object> r : rows) {
            out.printf(Locale.ROOT, "%-11s %6d  %-22s %-10s %9.1f %9.1f %8.4f %9.5f%n", r.get("name"), r.get("qubits"),
                    r.get("basis_gates").toString().replaceAll("[\\[\\],]", ""), r.get("snapshot").toString().substring(0, 10),
                    r.get("median_t1_us"), r.get("median_t2_us"), r.get("median_readout_error"), r.get("median_2q_error"));
        }
        out.println("(emulated from real IBM calibration snapshots shipped in samples/devices; Apache-2.0, see its NOTICE)");
        return 0;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : Double.NaN;
    }
}
