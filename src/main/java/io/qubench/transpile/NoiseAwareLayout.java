package io.qubench.transpile;

import java.util.List;
import java.util.stream.IntStream;

import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.Operation.Measurement;
import io.qubench.circuit.UserInputException;

/**
 * The initial layout: circuit qubits on a connected group of well-calibrated device qubits.
 * From every device qubit as a seed, circuit qubits are placed greedily, the most interacting
 * first, each on the free neighbour of the group that costs least — the error of its
 * measurements and one-qubit gates there, and of its two-qubit gates with the qubits already
 * placed (a coupler's own error when adjacent, the SWAPs a longer distance would need
 * otherwise). The cheapest of these placements wins; a circuit without two-qubit gates simply
 * takes the best qubits.
 */
final class NoiseAwareLayout {

    private final CouplingGraph graph;
    private final DeviceErrors errors;
    private final double typicalTwoQubitError;

    NoiseAwareLayout(CouplingGraph graph, DeviceErrors errors) {
        this.graph = graph;
        this.errors = errors;
        double sum = 0;
        int count = 0;
        for (int a = 0; a < graph.size(); a++) {
            for (int b : graph.neighbours(a)) {
                sum += errors.twoQubit(a, b);
                count++;
            }
        }
        this.typicalTwoQubitError = count == 0 ? 0 : sum / count;
    }

    /** A layout for {@code ops} (at most two qubits each) on {@code circuitQubits} virtual qubits. */
    Layout choose(List<Operation> ops, int circuitQubits) {
        Usage usage = new Usage(ops, circuitQubits);
        int deviceQubits = graph.size();
        if (!usage.hasTwoQubitGates) {
            int[] best = IntStream.range(0, deviceQubits).boxed()
                    .sorted(java.util.Comparator.comparingDouble((Integer p) -> errors.readout(p) + errors.oneQubit(p)))
                    .mapToInt(Integer::intValue).limit(circuitQubits).toArray();
            int[] placed = new int[circuitQubits];
            int[] order = usage.order();
            for (int k = 0; k < circuitQubits; k++) {
                placed[order[k]] = best[k];
            }
            return Layout.of(placed, deviceQubits);
        }
        int[] best = null;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int seed = 0; seed < deviceQubits; seed++) {
            int[] placed = grow(seed, usage);
            if (placed != null) {
                double cost = cost(placed, usage);
                if (cost < bestCost - 1e-15) {
                    bestCost = cost;
                    best = placed;
                }
            }
        }
        if (best == null) {
            long interacting = IntStream.range(0, circuitQubits).filter(v -> usage.partners(v) > 0).count();
            throw new UserInputException("the circuit's " + interacting + " qubits with two-qubit gates need as many device qubits "
                    + "joined by working couplers, and " + graph.name() + " has no such group");
        }
        return Layout.of(best, deviceQubits);
    }

    private int[] grow(int seed, Usage usage) {
        int n = usage.qubits;
        int[] placed = new int[n];
        java.util.Arrays.fill(placed, -1);
        boolean[] used = new boolean[graph.size()];
        int[] order = usage.order();
        placed[order[0]] = seed;
        used[seed] = true;
        for (int k = 1; k < n; k++) {
            int v = order[k];
            // A qubit without two-qubit gates needs no coupler: it may go anywhere.
            boolean idle = usage.partners(v) == 0;
            int choice = -1;
            double choiceCost = Double.POSITIVE_INFINITY;
            for (int p = 0; p < graph.size(); p++) {
                if (used[p] || (!idle && !touches(p, used))) {
                    continue;
                }
                double c = localCost(v, p, placed, usage);
                if (c < choiceCost - 1e-15) {
                    choiceCost = c;
                    choice = p;
                }
            }
            if (choice < 0) {
                return null;
            }
            placed[v] = choice;
            used[choice] = true;
        }
        return placed;
    }

    private boolean touches(int p, boolean[] used) {
        for (int n : graph.neighbours(p)) {
            if (used[n]) {
                return true;
            }
        }
        return false;
    }

    private double localCost(int v, int p, int[] placed, Usage usage) {
        double c = usage.measurements[v] * errors.readout(p) + usage.oneQubitGates[v] * errors.oneQubit(p);
        for (int u = 0; u < usage.qubits; u++) {
            if (placed[u] >= 0 && usage.weight[u][v] > 0) {
                c += usage.weight[u][v] * pairCost(placed[u], p);
            }
        }
        return c;
    }

    private double cost(int[] placed, Usage usage) {
        double c = 0;
        for (int v = 0; v < usage.qubits; v++) {
            c += usage.measurements[v] * errors.readout(placed[v]) + usage.oneQubitGates[v] * errors.oneQubit(placed[v]);
            for (int u = 0; u < v; u++) {
                if (usage.weight[u][v] > 0) {
                    c += usage.weight[u][v] * pairCost(placed[u], placed[v]);
                }
            }
        }
        return c;
    }

    /** Error of one two-qubit gate between device qubits a and b, counting three gates per SWAP needed. */
    private double pairCost(int a, int b) {
        int d = graph.distance(a, b);
        if (d == 1) {
            return errors.twoQubit(a, b);
        }
        return (3.0 * (d - 1) + 1) * typicalTwoQubitError;
    }

    /** How much each circuit qubit is used: two-qubit gates per pair, one-qubit gates and measurements per qubit. */
    private static final class Usage {
        final int qubits;
        final int[][] weight;
        final int[] oneQubitGates;
        final int[] measurements;
        boolean hasTwoQubitGates;

        Usage(List<Operation> ops, int qubits) {
            this.qubits = qubits;
            weight = new int[qubits][qubits];
            oneQubitGates = new int[qubits];
            measurements = new int[qubits];
            for (Operation op : ops) {
                if (op instanceof GateOperation g && g.qubits().size() == 2) {
                    int a = g.qubits().get(0);
                    int b = g.qubits().get(1);
                    weight[a][b]++;
                    weight[b][a]++;
                    hasTwoQubitGates = true;
                } else if (op instanceof GateOperation g && g.qubits().size() == 1) {
                    oneQubitGates[g.qubits().getFirst()]++;
                } else if (op instanceof Measurement m) {
                    measurements[m.qubit()]++;
                }
            }
        }

        int partners(int v) {
            int count = 0;
            for (int u = 0; u < qubits; u++) {
                count += weight[u][v];
            }
            return count;
        }

        /** Circuit qubits, the most interacting first, then each the one most tied to those before it. */
        int[] order() {
            int[] total = new int[qubits];
            for (int u = 0; u < qubits; u++) {
                for (int v = 0; v < qubits; v++) {
                    total[u] += weight[u][v];
                }
            }
            int[] order = new int[qubits];
            boolean[] taken = new boolean[qubits];
            int[] tie = new int[qubits];
            for (int k = 0; k < qubits; k++) {
                int pick = -1;
                for (int v = 0; v < qubits; v++) {
                    if (!taken[v] && (pick < 0 || tie[v] > tie[pick] || (tie[v] == tie[pick] && total[v] > total[pick]))) {
                        pick = v;
                    }
                }
                order[k] = pick;
                taken[pick] = true;
                for (int v = 0; v < qubits; v++) {
                    tie[v] += weight[pick][v];
                }
            }
            return order;
        }
    }
}
