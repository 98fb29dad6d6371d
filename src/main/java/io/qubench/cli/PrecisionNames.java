package io.qubench.cli;

import java.util.Arrays;
import java.util.Iterator;

import io.qubench.sim.Precision;

/** The {@code --precision} values, for help text and shell completion. */
final class PrecisionNames implements Iterable<String> {

    static final String DESCRIPTION = "amplitude precision of the state vector: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}); "
            + "single halves the memory (31 qubits in 16 GiB) at about 1e-6 accuracy, on the statevector engine only "
            + "(auto then picks it)";

    @Override
    public Iterator<String> iterator() {
        return Arrays.stream(Precision.values()).map(Precision::cliName).iterator();
    }
}
