package io.qubench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.qubench.circuit.Circuit;
import io.qubench.circuit.UserInputException;
import io.qubench.history.HistoryDatabase;
import io.qubench.job.Budget;
import io.qubench.job.BudgetExceededException;
import io.qubench.job.BudgetFile;
import io.qubench.job.Budgets;
import io.qubench.job.CostEstimate;
import io.qubench.job.CostEstimator;
import io.qubench.qasm.QasmReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qubench estimate FILE --backend NAME --shots N}: what a run would cost, before sending it,
 * and which saved budgets (see {@code qubench budget}) it would pass.
 */
@Command(name = "estimate", mixinStandardHelpOptions = true,
        description = "Estimate what running a circuit on a backend would cost, from the providers' prices, and which budgets it "
                + "would pass.")
final class EstimateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption dataDir;

    @Parameters(index = "0", paramLabel = "FILE", description = "OpenQASM 2 or 3 file")
    Path file;

    @Option(names = "--backend", required = true, paramLabel = "NAME",
            description = "local, emulator:DEVICE, ibm:DEVICE, ionq:DEVICE or braket:DEVICE (see qubench backends)")
    String backend;

    @Option(names = "--shots", defaultValue = "1024", description = "number of shots (default ${DEFAULT-VALUE})")
    int shots;

    @Option(names = "--pricing", paramLabel = "FILE", description = PricingOption.DESCRIPTION)
    Path pricing;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (shots < 1) {
            throw new UserInputException("--shots must be 1 or more, not " + shots);
        }
        Circuit circuit = QasmReader.read(file);
        CostEstimate e = new CostEstimator(PricingOption.load(pricing)).estimate(circuit, backend, shots);
        List<String> exceeded = exceeded(e);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("backend", e.backend());
            m.put("shots", e.shots());
            m.put("currency", "USD");
            m.put("total", e.total());
            m.put("price", e.pricing().summary());
            m.put("one_qubit_gates", e.usage().oneQubitGates());
            m.put("two_qubit_gates", e.usage().twoQubitGates());
            m.put("device_seconds", e.usage().seconds());
            m.put("source", e.pricing().source());
            m.put("assumptions", e.assumptions());
            m.put("budgets_exceeded", exceeded);
            out.println(new ObjectMapper().writeValueAsString(m));
            return 0;
        }
        out.printf(Locale.ROOT, "%s on %s, %d shots: $%.4f%n", file, e.backend(), e.shots(), e.total());
        out.printf(Locale.ROOT, "  price: %s%n", e.pricing().summary());
        out.printf(Locale.ROOT, "  circuit: %d one-qubit and %d two-qubit gates%n", e.usage().oneQubitGates(),
                e.usage().twoQubitGates());
        if (!e.assumptions().isEmpty()) {
            out.println("  " + e.assumptions());
        }
        out.println("  source: " + e.pricing().source());
        for (String why : exceeded) {
            out.println("  over budget: " + why);
        }
        return 0;
    }

    /** Why each saved budget this run would pass would refuse it, against the history's ledger; none without budgets. */
    private List<String> exceeded(CostEstimate e) {
        Budgets saved = new BudgetFile(dataDir.path()).load();
        List<String> reasons = new ArrayList<>();
        if (saved.all().isEmpty()) {
            return reasons;
        }
        try (HistoryDatabase db = dataDir.open()) {
            Instant now = Instant.now();
            for (Budget b : saved.all()) {
                try {
                    new Budgets(List.of(b)).check(e, db.ledger(), now);
                } catch (BudgetExceededException over) {
                    reasons.add(over.getMessage());
                }
            }
        }
        return reasons;
    }
}
