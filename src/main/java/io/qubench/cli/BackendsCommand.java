package io.qubench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.backend.BackendInfo;
import io.qubench.backend.BackendName;
import io.qubench.backend.Backends;
import io.qubench.backend.remote.ProviderSettings;
import io.qubench.backend.remote.RemoteBackends;
import io.qubench.backend.local.SimulatedQueue;
import io.qubench.device.Pricing;
import io.qubench.device.PricingTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code qubench backends}: where circuits can run, with status, queue length and price. */
@Command(name = "backends", mixinStandardHelpOptions = true,
        description = "List the backends: the local simulator and device emulators, which run here, and the providers' "
                + "devices, which can be priced.")
final class BackendsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--pricing", paramLabel = "FILE", description = PricingOption.DESCRIPTION)
    Path pricing;

    @Mixin
    DataDirOption dataDir;

    @Option(names = "--write-pricing", paramLabel = "FILE", description = "write the prices in use as JSON to FILE, to edit")
    Path writePricing;

    @Override
    public Integer call() throws Exception {
        PricingTable prices = PricingOption.load(pricing);
        PrintWriter out = spec.commandLine().getOut();
        if (writePricing != null) {
            prices.save(writePricing);
            out.println("prices written to " + writePricing);
            return 0;
        }
        Backends backends = new Backends(SimulatedQueue.NONE, Clock.systemUTC());
        Path dir = dataDir.path();
        RemoteBackends remote = new RemoteBackends(CredentialsCommand.credentials(dir), ProviderSettings.load(dir, System.getenv()), dir);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : BackendName.known()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", name);
            Pricing price = prices.find(name).orElse(null);
            if (BackendName.parse(name).local()) {
                BackendInfo info = backends.resolve(name).describe();
                row.put("status", info.status().name().toLowerCase(Locale.ROOT));
                row.put("queue_length", info.queueLength());
                row.put("qubits", info.qubits() == Integer.MAX_VALUE ? "memory" : info.qubits());
                row.put("calibration_fidelity", Math.round(info.calibrationFidelity() * 1e6) / 1e6);
            } else {
                row.put("status", remote.hasCredentials(BackendName.parse(name).provider()) ? "credentials set"
                        : "no credentials (estimate only)");
                row.put("queue_length", null);
                row.put("qubits", null);
                row.put("calibration_fidelity", null);
            }
            row.put("price", price == null ? "no price" : price.summary());
            row.put("price_source", price == null ? "" : price.source());
            rows.add(row);
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(rows));
            return 0;
        }
        out.printf(Locale.ROOT, "%-20s %-31s %5s %7s  %s%n", "backend", "status", "queue", "qubits", "price");
        for (Map<String, Object> r : rows) {
            out.printf(Locale.ROOT, "%-20s %-31s %5s %7s  %s%n", r.get("name"), r.get("status"),
                    r.get("queue_length") == null ? "-" : r.get("queue_length"), r.get("qubits") == null ? "-" : r.get("qubits"),
                    r.get("price"));
        }
        out.println("(local and emulator:* run on this machine; queues are this process's, so they start empty)");
        return 0;
    }
}
