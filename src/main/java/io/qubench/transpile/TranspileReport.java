package io.qubench.transpile;

import java.util.Map;

/**
 * What the transpiler did: size before and after, SWAPs inserted, where the circuit's qubits
 * start and end (qubit label → device qubit), and the estimated success probability — the
 * product of the fidelities (1 − error) of every gate and measurement of the transpiled circuit,
 * from the device's calibration.
 */
public record TranspileReport(String device, String calibration, long seed, boolean optimised, CircuitStats before,
        CircuitStats after, int swaps, Map<String, Integer> initialLayout, Map<String, Integer> finalLayout,
        double estimatedSuccess) {

    public TranspileReport {
        initialLayout = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(initialLayout));
        finalLayout = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(finalLayout));
    }

    /** A few lines for people. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "device %s (calibration %s), seed %d, optimisation %s%n", device,
                calibration, seed, optimised ? "on" : "off"));
        sb.append(String.format(java.util.Locale.ROOT, "%-8s %7s %9s %9s%n", "", "depth", "1q gates", "2q gates"));
        sb.append(row("before", before)).append(row("after", after));
        if (before.multiQubitGates() > 0) {
            sb.append("(before: also ").append(before.multiQubitGates()).append(" gates on three or more qubits)\n");
        }
        sb.append("swaps inserted: ").append(swaps).append('\n');
        sb.append("initial layout: ").append(layoutText(initialLayout)).append('\n');
        sb.append("final layout:   ").append(layoutText(finalLayout)).append('\n');
        sb.append(String.format(java.util.Locale.ROOT, "estimated success probability: %.4f%n", estimatedSuccess));
        return sb.toString();
    }

    private static String row(String name, CircuitStats s) {
        return String.format(java.util.Locale.ROOT, "%-8s %7d %9d %9d%n", name, s.depth(), s.oneQubitGates(), s.twoQubitGates());
    }

    private static String layoutText(Map<String, Integer> layout) {
        StringBuilder sb = new StringBuilder();
        layout.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append("→$").append(v));
        return sb.toString();
    }
}
