package io.qubench.transpile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import io.qubench.circuit.Operation;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;

/**
 * SWAP insertion by SABRE (Li, Ding and Xie, ASPLOS 2019): operations run as soon as their
 * qubits are free and, for two-qubit gates, adjacent; when none can, the SWAP on an edge next
 * to the front layer that most lowers the distance of the front (and, with less weight, of the
 * next gates) is inserted, with a decay that spreads SWAPs over qubits. Ties are broken by a
 * seeded random choice so that one seed gives one result. If no gate runs for too long, the
 * first waiting gate is routed along a shortest path, which guarantees termination.
 *
 * <p>Input operations act on virtual qubits and have at most two qubits (barriers any number);
 * output operations act on device qubits; SWAPs are {@code swap} gates in either orientation.
 */
final class SabreRouting {

    private static final int EXTENDED_SET_SIZE = 20;
    private static final int EXTENDED_SEARCH_LIMIT = 400;
    private static final double EXTENDED_WEIGHT = 0.5;
    private static final double DECAY_STEP = 0.001;
    private static final int DECAY_RESET = 5;

    /** The routed operations on device qubits, where each virtual qubit ends, and the SWAPs inserted. */
    record Routed(List<Operation> operations, Layout finalLayout, int swaps) {
    }

    private final CouplingGraph graph;

    SabreRouting(CouplingGraph graph) {
        this.graph = graph;
    }

    Routed route(List<Operation> ops, Layout initial, long seed) {
        return new Run(ops, initial, new Random(seed)).run();
    }

    /** The final layout after routing the two-qubit gates of {@code ops} in reverse, for SABRE's layout refinement. */
    Layout reverseRefine(List<Operation> ops, Layout start, long seed) {
        List<Operation> reversed = new ArrayList<>();
        for (int i = ops.size() - 1; i >= 0; i--) {
            if (Operations.isTwoQubitGate(ops.get(i))) {
                reversed.add(ops.get(i));
            }
        }
        return route(reversed, start, seed).finalLayout();
    }

    /** One routing run: the dependency graph, the current layout and the output. */
    private final class Run {
        private final List<Operation> ops;
        private final int[][] successors;
        private final int[] waiting;
        private final int[] phys;
        private final int[] virt;
        private final int circuitQubits;
        private final Random random;
        private final double[] decay;
        private final List<Operation> out = new ArrayList<>();
        private final TreeSet<Integer> front = new TreeSet<>();
        private final int[] seen;
        /** Virtual qubits of each two-qubit gate; -1 for other operations. */
        private final int[] first;
        private final int[] second;
        private int stamp;
        private int swaps;

        Run(List<Operation> ops, Layout initial, Random random) {
            this.ops = ops;
            this.random = random;
            this.circuitQubits = initial.circuitQubits();
            this.phys = initial.toArray();
            this.virt = new int[phys.length];
            for (int v = 0; v < phys.length; v++) {
                virt[phys[v]] = v;
            }
            this.decay = new double[phys.length];
            Arrays.fill(decay, 1);
            this.seen = new int[ops.size()];
            this.waiting = new int[ops.size()];
            this.first = new int[ops.size()];
            this.second = new int[ops.size()];
            List<int[]> succ = new ArrayList<>(ops.size());
            int[] succCount = new int[ops.size()];
            int[] lastOnQubit = new int[phys.length];
            Arrays.fill(lastOnQubit, -1);
            java.util.Map<Integer, Integer> lastOnClbit = new java.util.HashMap<>();
            int[] preds = new int[8];
            for (int i = 0; i < ops.size(); i++) {
                succ.add(new int[2]);
                Operation op = ops.get(i);
                boolean two = Operations.isTwoQubitGate(op);
                first[i] = two ? op.qubits().get(0) : -1;
                second[i] = two ? op.qubits().get(1) : -1;
                int np = 0;
                List<Integer> clbits = Operations.clbitsTouched(op);
                if (preds.length < op.qubits().size() + clbits.size()) {
                    preds = new int[op.qubits().size() + clbits.size()];
                }
                for (int q : op.qubits()) {
                    if (lastOnQubit[q] >= 0) {
                        preds[np++] = lastOnQubit[q];
                    }
                    lastOnQubit[q] = i;
                }
                for (int c : clbits) {
                    Integer last = lastOnClbit.put(c, i);
                    if (last != null) {
                        preds[np++] = last;
                    }
                }
                Arrays.sort(preds, 0, np);
                int distinct = 0;
                for (int k = 0; k < np; k++) {
                    if (k > 0 && preds[k] == preds[k - 1]) {
                        continue;
                    }
                    distinct++;
                    int p = preds[k];
                    if (succCount[p] == succ.get(p).length) {
                        succ.set(p, Arrays.copyOf(succ.get(p), 2 * succCount[p]));
                    }
                    succ.get(p)[succCount[p]++] = i;
                }
                waiting[i] = distinct;
                if (distinct == 0) {
                    front.add(i);
                }
            }
            this.successors = new int[ops.size()][];
            for (int i = 0; i < ops.size(); i++) {
                successors[i] = Arrays.copyOf(succ.get(i), succCount[i]);
            }
        }

        Routed run() {
            int stalled = 0;
            int stallLimit = 10 * Math.max(4, graph.size());
            while (!front.isEmpty()) {
                if (executeReady()) {
                    stalled = 0;
                    Arrays.fill(decay, 1);
                    continue;
                }
                if (front.isEmpty()) {
                    break;
                }
                if (++stalled > stallLimit) {
                    forceFirst();
                    stalled = 0;
                    continue;
                }
                int[] best = chooseSwap();
                swap(best[0], best[1]);
                decay[best[0]] += DECAY_STEP;
                decay[best[1]] += DECAY_STEP;
                if (swaps % DECAY_RESET == 0) {
                    Arrays.fill(decay, 1);
                }
            }
            return new Routed(out, new Layout(circuitQubits, phys), swaps);
        }

        /** Runs every operation of the front that can run, repeatedly; true if any ran. */
        private boolean executeReady() {
            boolean any = false;
            boolean ranOne = true;
            while (ranOne) {
                ranOne = false;
                for (Integer i : new ArrayList<>(front)) {
                    Operation op = ops.get(i);
                    if (first[i] >= 0 && !graph.coupled(phys[first[i]], phys[second[i]])) {
                        requireReachable(op);
                        continue;
                    }
                    out.add(Operations.remap(op, v -> phys[v]));
                    front.remove(i);
                    for (int s : successors[i]) {
                        if (--waiting[s] == 0) {
                            front.add(s);
                        }
                    }
                    ranOne = true;
                    any = true;
                }
            }
            return any;
        }

        private void requireReachable(Operation op) {
            int a = phys[op.qubits().get(0)];
            int b = phys[op.qubits().get(1)];
            if (graph.distance(a, b) >= CouplingGraph.UNREACHABLE) {
                throw new IllegalStateException("device qubits " + a + " and " + b + " are not connected by working couplers");
            }
        }

        private int[] chooseSwap() {
            List<Integer> frontGates = new ArrayList<>(front);
            List<Integer> extended = extendedSet();
            TreeSet<Long> candidates = new TreeSet<>();
            for (int i : frontGates) {
                for (int v : new int[] {first[i], second[i]}) {
                    int p = phys[v];
                    for (int n : graph.neighbours(p)) {
                        candidates.add(((long) Math.min(p, n) << 32) | Math.max(p, n));
                    }
                }
            }
            double bestScore = Double.POSITIVE_INFINITY;
            List<int[]> best = new ArrayList<>();
            for (long c : candidates) {
                int a = (int) (c >>> 32);
                int b = (int) c;
                swapLayout(a, b);
                double score = Math.max(decay[a], decay[b])
                        * (distanceSum(frontGates) / frontGates.size()
                                + (extended.isEmpty() ? 0 : EXTENDED_WEIGHT * distanceSum(extended) / extended.size()));
                swapLayout(a, b);
                if (score < bestScore - 1e-12) {
                    bestScore = score;
                    best.clear();
                }
                if (score <= bestScore + 1e-12) {
                    best.add(new int[] {a, b});
                }
            }
            return best.get(random.nextInt(best.size()));
        }

        private double distanceSum(List<Integer> gates) {
            double sum = 0;
            for (int i : gates) {
                sum += graph.distance(phys[first[i]], phys[second[i]]);
            }
            return sum;
        }

        /** The next two-qubit gates after the front, following dependencies breadth first. */
        private List<Integer> extendedSet() {
            stamp++;
            List<Integer> out = new ArrayList<>();
            java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>(front);
            int visited = 0;
            while (!queue.isEmpty() && out.size() < EXTENDED_SET_SIZE && visited < EXTENDED_SEARCH_LIMIT) {
                int i = queue.poll();
                for (int s : successors[i]) {
                    if (seen[s] != stamp) {
                        seen[s] = stamp;
                        visited++;
                        if (first[s] >= 0) {
                            out.add(s);
                        }
                        queue.add(s);
                    }
                }
            }
            return out.size() > EXTENDED_SET_SIZE ? out.subList(0, EXTENDED_SET_SIZE) : out;
        }

        /** Moves the first waiting gate's first qubit along a shortest path until its qubits are adjacent. */
        private void forceFirst() {
            List<Integer> q = ops.get(front.first()).qubits();
            List<Integer> path = graph.path(phys[q.get(0)], phys[q.get(1)]);
            for (int k = 0; k + 2 < path.size(); k++) {
                swap(path.get(k), path.get(k + 1));
            }
            Arrays.fill(decay, 1);
        }

        private void swap(int a, int b) {
            out.add(new GateOperation(StandardGate.SWAP, List.of(), List.of(a, b)));
            swapLayout(a, b);
            swaps++;
        }

        private void swapLayout(int a, int b) {
            int va = virt[a];
            int vb = virt[b];
            virt[a] = vb;
            virt[b] = va;
            phys[va] = b;
            phys[vb] = a;
        }
    }
}
