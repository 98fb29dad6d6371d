package io.qubench.sim.statevector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.qubench.circuit.Matrix;
import io.qubench.circuit.Operation.GateOperation;
import io.qubench.circuit.StandardGate;

/**
 * Turns gates into kernels, fusing neighbours into dense blocks of up to {@code maxQubits}
 * qubits so that a deep circuit costs fewer passes over memory than it has gates.
 *
 * <p>Diagonal and permutation gates (rz, cp, cz, x, cx, swap, ccx…) keep their cheap special
 * kernels unless every qubit they touch already belongs to open dense blocks that can absorb
 * them without exceeding the limit: fusing everything densely made GHZ and QFT slower on this
 * machine (see PERFORMANCE.md), while fusing rotations with the cx that follows them pays.
 */
final class Fuser {

    private final int qubits;
    private final int maxQubits;

    Fuser(int qubits, int maxQubits) {
        this.qubits = qubits;
        this.maxQubits = maxQubits;
    }

    /** An open dense block: a matrix on its sorted qubits (argument j = qubits[j]). */
    private static final class Block {
        final int[] qubits;
        Matrix matrix;
        boolean alive = true;

        Block(int[] qubits, Matrix matrix) {
            this.qubits = qubits;
            this.matrix = matrix;
        }
    }

    List<Kernel> fuse(List<GateOperation> gates) {
        List<Object> items = new ArrayList<>();
        Object[] last = new Object[qubits];
        for (GateOperation g : gates) {
            StandardGate gate = (StandardGate) g.gate();
            if (gate == StandardGate.ID) {
                continue;
            }
            double[] params = g.paramValues(Map.of());
            int[] q = g.qubits().stream().mapToInt(Integer::intValue).toArray();
            // One-qubit gates always join blocks: a block that stays diagonal still gets the diagonal kernel.
            Kernel special = q.length == 1 ? null : Kernels.special(gate, params, q);
            if (maxQubits <= 0) {
                Kernel k = q.length == 1 ? Kernels.special(gate, params, q) : special;
                items.add(k != null ? k : Kernels.dense(gate.matrix(params), q));
                continue;
            }
            Set<Block> candidates = new LinkedHashSet<>();
            boolean coveredAll = true;
            for (int x : q) {
                if (last[x] instanceof Block b && b.alive && isLast(b, last)) {
                    candidates.add(b);
                } else {
                    coveredAll = false;
                }
            }
            Set<Integer> union = new TreeSet<>();
            for (int x : q) {
                union.add(x);
            }
            candidates.forEach(b -> Arrays.stream(b.qubits).forEach(union::add));
            boolean fits = union.size() <= maxQubits;
            if (special != null && !(coveredAll && fits)) {
                if (!items.isEmpty() && items.getLast() instanceof Kernel previous && special instanceof Kernel.Diagonal diag) {
                    Kernel joined = DiagonalFusion.join(previous, diag);
                    if (joined != null) {
                        items.set(items.size() - 1, joined);
                        for (int x : joined.qubits()) {
                            last[x] = joined;
                        }
                        continue;
                    }
                }
                items.add(special);
                for (int x : q) {
                    last[x] = special;
                }
                continue;
            }
            Block merged = fits ? merge(candidates, union, gate.matrix(params), q)
                    : new Block(sorted(q), gate.matrix(params).embed(q.length, positions(q, sorted(q))));
            items.add(merged);
            for (int x : merged.qubits) {
                last[x] = merged;
            }
        }
        List<Kernel> out = new ArrayList<>(items.size());
        for (Object item : items) {
            if (item instanceof Block b) {
                if (b.alive) {
                    out.add(Kernels.forMatrix(b.matrix, b.qubits));
                }
            } else {
                out.add((Kernel) item);
            }
        }
        return out;
    }

    private static boolean isLast(Block b, Object[] last) {
        for (int x : b.qubits) {
            if (last[x] != b) {
                return false;
            }
        }
        return true;
    }

    /** Candidates (disjoint, so in any order) then the gate, on the union's sorted qubits. */
    private static Block merge(Set<Block> candidates, Set<Integer> union, Matrix gate, int[] gateQubits) {
        int[] u = union.stream().mapToInt(Integer::intValue).toArray();
        Matrix m = Matrix.identity(1 << u.length);
        for (Block b : candidates) {
            m = b.matrix.embed(u.length, positions(b.qubits, u)).multiply(m);
            b.alive = false;
        }
        m = gate.embed(u.length, positions(gateQubits, u)).multiply(m);
        return new Block(u, m);
    }

    private static int[] sorted(int[] q) {
        int[] s = q.clone();
        Arrays.sort(s);
        return s;
    }

    /** Index in {@code within} of each of {@code qubits}. */
    private static int[] positions(int[] qubits, int[] within) {
        int[] p = new int[qubits.length];
        for (int i = 0; i < qubits.length; i++) {
            p[i] = Arrays.binarySearch(within, qubits[i]);
        }
        return p;
    }
}
